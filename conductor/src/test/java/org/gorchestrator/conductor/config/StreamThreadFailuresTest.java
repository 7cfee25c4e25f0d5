package org.gorchestrator.conductor.config;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {
    private final AtomicLong clock = new AtomicLong();
    private final StreamThreadFailures failures = new StreamThreadFailures(2, Duration.ofMinutes(10), clock::get);

    @Test
    void aFailedThreadIsReplacedUntilThreadsKeepFailingWithinTheWindow() {
        assertThat(failures.handle(new TimeoutException("broker away"))).isEqualTo(REPLACE_THREAD);
        assertThat(failures.handle(new TimeoutException("broker away"))).isEqualTo(REPLACE_THREAD);
        assertThat(failures.handle(new TimeoutException("broker away"))).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        failures.handle(new TimeoutException("first outage"));
        failures.handle(new TimeoutException("first outage"));
        clock.addAndGet(Duration.ofMinutes(11).toNanos());

        assertThat(failures.handle(new TimeoutException("next outage"))).isEqualTo(REPLACE_THREAD);
    }
}
