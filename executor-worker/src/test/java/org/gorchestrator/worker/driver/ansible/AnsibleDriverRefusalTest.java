package org.gorchestrator.worker.driver.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.junit.jupiter.api.Test;

/** What the ansible driver refuses before it starts anything: these need no ansible. */
class AnsibleDriverRefusalTest {
    private final AnsibleDriver driver = AnsiblePlaybooks.driver(null);

    @Test
    void refusesAnOptionOutsideTheAllowList() {
        DriverResult result = run(AnsibleDriverTest.playbook("outputs.yml", List.of("--extra-vars=@/etc/shadow")));

        assertThat(result.success()).isFalse();
        assertThat(result.exitCode()).isNull();
        assertThat(result.message()).startsWith("ansible: arg '--extra-vars=@/etc/shadow' is neither an extra var NAME=value nor an allowed option (")
                .contains("--check", "--tags=…");
    }

    @Test
    void refusesATargetOtherThanLocalhostWithoutAnInventory() {
        DriverResult result = run(AnsibleDriverTest.targeting(AnsibleDriverTest.playbook("outputs.yml", List.of()), "db1"));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("ansible: the node targets 'db1' but this worker has no inventory"
                + " (gorch.worker.ansible.inventory); without one only localhost can be targeted");
    }

    @Test
    void refusesATargetThatIsNoHostOrGroupName() {
        AnsibleDriver withInventory = AnsiblePlaybooks.driver(AnsiblePlaybooks.dir().resolve("inventory.ini"));

        DriverResult result = withInventory.run(AnsibleDriverTest.targeting(AnsibleDriverTest.playbook("outputs.yml", List.of()), "@hosts.txt"),
                RunContext.of("test-worker", Duration.ofSeconds(5), 1024));

        assertThat(result.message()).isEqualTo("ansible: target '@hosts.txt' is not a host or group name");
    }

    @Test
    void refusesAMissingPlaybook() {
        DriverResult result = run(AnsibleDriverTest.playbook("nowhere.yml", List.of()));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("ansible: no playbook " + AnsiblePlaybooks.dir().resolve("nowhere.yml"));
    }

    private DriverResult run(NodeCommand command) {
        return driver.run(command, RunContext.of("test-worker", Duration.ofSeconds(5), 1024));
    }
}
