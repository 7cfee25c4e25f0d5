package org.gorchestrator.worker.driver.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real {@code ansible-playbook} runs against localhost; skipped where ansible is not installed. */
class AnsibleDriverTest {
    private static final List<String> OUTPUTS = List.of("ip_address", "count", "greeting", "check_mode", "host", "node", "from_debug", "ssh_control");

    @BeforeEach
    void needsAnsible() {
        Assumptions.assumeTrue(AnsiblePlaybooks.ansibleOnPath(), "ansible-playbook is not on the PATH (apt-get install ansible-core)");
    }

    @Test
    void succeedsWithOutputsFromSetStatsAndDebugMessages() {
        DriverResult result = run(AnsiblePlaybooks.driver(null), playbook("outputs.yml", List.of()), Duration.ofSeconds(60));

        assertThat(result.success()).as(result.message() + "\n" + result.stderrTail()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.outputs()).containsAllEntriesOf(Map.of("ip_address", "10.0.0.7", "count", "3", "host", "localhost",
                "node", "n4", "from_debug", "seen", "check_mode", "false"));
        // Relative, so under the node's private working directory: its ssh masters are its own, and end with it.
        assertThat(result.outputs()).containsEntry("ssh_control", "ssh-control");
    }

    @Test
    void extraVarsReachThePlaybookAsTextAndAllowedOptionsPassThrough() {
        String greeting = "he said \"hi\" & $HOME 'x' {{ 6 * 7 }}";

        DriverResult result = run(AnsiblePlaybooks.driver(null), playbook("outputs.yml", List.of("greeting=" + greeting, "--check", "-v")),
                Duration.ofSeconds(60));

        assertThat(result.success()).as(result.message() + "\n" + result.stderrTail()).isTrue();
        assertThat(result.outputs()).containsEntry("greeting", greeting).containsEntry("check_mode", "true");
    }

    @Test
    void aFailingTaskFailsTheNodeNamingTheTaskAndItsMessage() {
        DriverResult result = run(AnsiblePlaybooks.driver(null), playbook("fail.yml", List.of()), Duration.ofSeconds(60));

        assertThat(result.success()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("exit code 2: task 'Break on purpose' failed on localhost: the disk is full");
    }

    @Test
    void aTargetIsAHostOrGroupOfTheConfiguredInventory() {
        AnsibleDriver driver = AnsiblePlaybooks.driver(AnsiblePlaybooks.dir().resolve("inventory.ini"));

        DriverResult result = run(driver, targeting(playbook("outputs.yml", List.of()), "workers"), Duration.ofSeconds(60));

        assertThat(result.success()).as(result.message() + "\n" + result.stderrTail()).isTrue();
        assertThat(result.outputs()).containsEntry("host", "localhost");
    }

    @Test
    void aTimeoutStopsThePlaybook() {
        long start = System.nanoTime();

        DriverResult result = run(AnsiblePlaybooks.driver(null), playbook("slow.yml", List.of()), Duration.ofSeconds(4));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.success()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    static NodeCommand playbook(String name, List<String> args) {
        return withOutputs(command("wf-ansible", 4, "ansible", name, args), OUTPUTS);
    }

    static NodeCommand targeting(NodeCommand c, String target) {
        return new NodeCommand(c.workflowId(), c.nodeId(), c.attempt(), c.name(), c.engine(), c.artifact(), c.args(), target, c.outputs(),
                c.timeoutSeconds(), c.at());
    }

    private static DriverResult run(AnsibleDriver driver, NodeCommand command, Duration limit) {
        return driver.run(command, RunContext.of("test-worker", limit, 1024 * 1024));
    }
}
