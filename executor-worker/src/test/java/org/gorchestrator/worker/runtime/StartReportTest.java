package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartReportTest {
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void withoutADelayTheReportGoesAtOnce() {
        StartReport.after(Duration.ZERO, sent::incrementAndGet);

        assertThat(sent).hasValue(1);
    }

    @Test
    void anAttemptThatEndsWithinTheDelayIsNeverReportedStarted() throws InterruptedException {
        StartReport report = StartReport.after(Duration.ofMillis(100), sent::incrementAndGet);
        report.attemptEnded();

        Thread.sleep(400); // well past the delay: a report not cancelled would have gone
        assertThat(sent).hasValue(0);
    }

    @Test
    void anAttemptStillRunningAfterTheDelayIsReportedOnce() {
        StartReport report = StartReport.after(Duration.ofMillis(20), sent::incrementAndGet);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() == 1);
        report.attemptEnded();
        assertThat(sent).hasValue(1);
    }

    @Test
    void theEndWaitsForAReportBeingSent() {
        AtomicInteger sendsDone = new AtomicInteger();
        StartReport report = StartReport.after(Duration.ofMillis(1), () -> {
            sent.incrementAndGet();
            sleep(300); // a send that takes a while: the end must not overtake it
            sendsDone.incrementAndGet();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() == 1);

        report.attemptEnded();

        assertThat(sendsDone).as("the report was handed over before the end returned").hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
