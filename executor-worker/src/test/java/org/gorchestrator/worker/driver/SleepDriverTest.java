package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.message.NodeCommand;
import org.junit.jupiter.api.Test;

class SleepDriverTest {
    private final SleepDriver driver = new SleepDriver();

    @Test
    void takesTheDurationFromTheFirstArgElseTheArtifact() {
        assertThat(SleepDriver.duration(command("w", 0, "sleep", "9s", List.of("250ms")))).isEqualTo(Duration.ofMillis(250));
        assertThat(SleepDriver.duration(command("w", 0, "sleep", "1.5", List.of()))).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void withoutADurationSleepsARandomTimeUnderASecond() {
        for (int i = 0; i < 50; i++) {
            assertThat(SleepDriver.duration(command("w", 0, "sleep", null, List.of())))
                    .isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void anArtifactThatIsNoDurationSleepsAtRandomLikeTheSeed() {
        assertThat(SleepDriver.duration(command("w", 0, "sleep", "example/script.sh", List.of())))
                .isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void succeedsAfterSleeping() {
        DriverResult result = driver.run(command("w", 0, "sleep", null, List.of("20ms")), context(Duration.ofSeconds(5)));

        assertThat(result.success()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.message()).isEqualTo("slept 20ms");
    }

    @Test
    void stopsAtTheTimeLimit() {
        DriverResult result = driver.run(command("w", 0, "sleep", null, List.of("1h")), context(Duration.ofMillis(100)));

        assertThat(result.success()).isFalse();
        assertThat(result.timedOut()).isTrue();
        assertThat(result.message()).isEqualTo("timed out after 100ms");
    }

    @Test
    void stopsWhenCancelledFromAnotherThread() throws Exception {
        RunContext context = context(Duration.ofHours(1));
        NodeCommand command = command("w", 0, "sleep", null, List.of("1h"));
        CompletableFuture<DriverResult> result = CompletableFuture.supplyAsync(() -> driver.run(command, context));

        context.cancellation().cancel();

        DriverResult ended = result.get(10, TimeUnit.SECONDS);
        assertThat(ended.success()).isFalse();
        assertThat(ended.timedOut()).isFalse();
        assertThat(ended.message()).isEqualTo("canceled");
    }

    @Test
    void failsOnABadDuration() {
        DriverResult result = driver.run(command("w", 0, "sleep", null, List.of("soon")), context(Duration.ofSeconds(5)));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("sleep: 'soon' is not a duration");
    }

    private static RunContext context(Duration limit) {
        return RunContext.of("w1", limit, 4096);
    }
}
