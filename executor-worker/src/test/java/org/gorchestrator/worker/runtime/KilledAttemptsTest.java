package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KilledAttemptsTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final AttemptId FIRST = new AttemptId("wf", 0, 1);
    private static final AttemptId RETRY = new AttemptId("wf", 0, 2);

    @Test
    void remembersAKillForTheMemoryThenForgetsIt() {
        KilledAttempts killed = new KilledAttempts(Duration.ofSeconds(10), 100);
        long now = 42 * SECOND;
        killed.add(FIRST, now);

        assertThat(killed.contains(FIRST, now + 9 * SECOND)).isTrue();
        assertThat(killed.contains(RETRY, now)).as("another attempt of the node").isFalse();
        assertThat(killed.contains(FIRST, now + 10 * SECOND)).isFalse();
        assertThat(killed.size()).isZero();
    }

    @Test
    void aRepeatedKillIsRememberedFromItsLastTime() {
        KilledAttempts killed = new KilledAttempts(Duration.ofSeconds(10), 100);
        killed.add(FIRST, 0);
        killed.add(RETRY, 5 * SECOND);
        killed.add(FIRST, 8 * SECOND);

        assertThat(killed.contains(RETRY, 15 * SECOND)).isFalse();
        assertThat(killed.contains(FIRST, 15 * SECOND)).isTrue();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        KilledAttempts killed = new KilledAttempts(Duration.ofMinutes(10), 2);
        killed.add(new AttemptId("a", 0, 1), 0);
        killed.add(new AttemptId("b", 0, 1), 1);
        killed.add(new AttemptId("c", 0, 1), 2);

        assertThat(killed.size()).isEqualTo(2);
        assertThat(killed.contains(new AttemptId("a", 0, 1), 3)).isFalse();
        assertThat(killed.contains(new AttemptId("b", 0, 1), 3)).isTrue();
        assertThat(killed.contains(new AttemptId("c", 0, 1), 3)).isTrue();
    }
}
