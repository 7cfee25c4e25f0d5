package org.gorchestrator.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsOrAnHttpDateBecomeTheTimeToWait() {
        assertThat(RetryAfter.parse("5", clock)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Fri, 01 May 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Fri, 01 May 2026 09:00:00 GMT", clock)).as("a date passed").contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-3", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    }
}
