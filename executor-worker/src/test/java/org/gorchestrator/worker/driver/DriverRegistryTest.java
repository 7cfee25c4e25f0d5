package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.time.Duration;
import java.util.List;
import org.gorchestrator.message.NodeCommand;
import org.junit.jupiter.api.Test;

class DriverRegistryTest {
    private final RunContext context = RunContext.of("worker-7", Duration.ofSeconds(5), 4096);

    @Test
    void runsTheDriverOfTheEngine() {
        DriverRegistry registry = new DriverRegistry(List.of(new NilDriver(), new SleepDriver()));

        assertThat(registry.engines()).containsExactly("nil", "sleep");
        assertThat(registry.run(command("w", 0, "nil", null, List.of()), context).success()).isTrue();
    }

    @Test
    void anEngineWithoutADriverFailsTheAttemptNamingEngineAndWorker() {
        DriverRegistry registry = new DriverRegistry(List.of(new NilDriver()));

        DriverResult result = registry.run(command("w", 0, "ansible", "site.yml", List.of()), context);

        assertThat(result.success()).isFalse();
        assertThat(result.exitCode()).isNull();
        assertThat(result.message()).isEqualTo("no driver for engine 'ansible' on worker worker-7; it runs nil");
    }

    @Test
    void aBrokenDriverFailsTheAttemptInsteadOfThrowing() {
        DriverRegistry registry = new DriverRegistry(List.of(new Broken()));

        DriverResult result = registry.run(command("w", 0, "broken", null, List.of()), context);

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("driver broken broke on worker worker-7", "boom");
    }

    @Test
    void twoDriversForOneEngineAreRejected() {
        assertThatThrownBy(() -> new DriverRegistry(List.of(new NilDriver(), new NilDriver())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine 'nil' has two drivers");
    }

    private static final class Broken implements Driver {
        @Override
        public String engine() {
            return "broken";
        }

        @Override
        public DriverResult run(NodeCommand command, RunContext context) {
            throw new IllegalStateException("boom");
        }
    }
}
