package org.gorchestrator.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowIdsTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00.123Z");

    @Test
    void anIdIsAVersion7UuidStartingWithItsMilliseconds() {
        String id = new WorkflowIds(new MutableClock(T0)).next();

        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(Long.parseLong(id.replace("-", "").substring(0, 12), 16)).isEqualTo(T0.toEpochMilli());
        assertThat(WorkflowIds.isWellFormed(id)).isTrue();
    }

    @Test
    void idsOfOneInstanceKeepIncreasingWithinAMillisecondAndWhenTheClockGoesBack() {
        MutableClock clock = new MutableClock(T0);
        WorkflowIds ids = new WorkflowIds(clock);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // more than the 4,096 values of the counter
            made.add(ids.next());
        }
        clock.advance(Duration.ofSeconds(-1));
        made.add(ids.next());

        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsSortBySubmissionTimeAcrossInstances() {
        MutableClock clock = new MutableClock(T0);
        String earlier = new WorkflowIds(clock).next();
        clock.advance(Duration.ofMillis(1));
        String later = new WorkflowIds(clock).next();

        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void anIdempotencyKeyAlwaysGivesTheSameVersion8Id() {
        String id = WorkflowIds.forIdempotencyKey("order-42");

        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(8);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(WorkflowIds.isWellFormed(id)).isTrue();
        assertThat(WorkflowIds.forIdempotencyKey("order-42")).isEqualTo(id);
        assertThat(WorkflowIds.forIdempotencyKey("order-43")).isNotEqualTo(id);
    }

    @Test
    void onlyTheFormOfTheseIdsIsWellFormed() {
        assertThat(WorkflowIds.isWellFormed(null)).isFalse();
        assertThat(WorkflowIds.isWellFormed("not-an-id")).isFalse();
        assertThat(WorkflowIds.isWellFormed(UUID.randomUUID().toString())).isFalse();
        assertThat(WorkflowIds.isWellFormed("0190A000-0000-7000-8000-000000000000")).isFalse();
        assertThat(WorkflowIds.isWellFormed("0190a000-0000-7000-8000-000000000000")).isTrue();
    }
}
