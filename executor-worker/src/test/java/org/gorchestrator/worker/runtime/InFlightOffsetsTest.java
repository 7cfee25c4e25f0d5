package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.gorchestrator.worker.runtime.InFlightOffsets.Ticket;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

class InFlightOffsetsTest {
    private static final TopicPartition P0 = new TopicPartition("commands", 0);
    private static final TopicPartition P1 = new TopicPartition("commands", 1);

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private long now;
    private final InFlightOffsets offsets = new InFlightOffsets(Duration.ZERO, () -> now);
    private final InFlightOffsets throttled = new InFlightOffsets(INTERVAL, () -> now);
    private final List<String> acked = new ArrayList<>();

    @Test
    void aRecordFinishedBeforeAnEarlierOneIsNotAcknowledgedUntilTheEarlierOneFinishes() {
        Ticket first = take(P0, 10);
        Ticket second = take(P0, 11);
        Ticket third = take(P0, 12);

        offsets.finish(third);
        offsets.finish(second);
        assertThat(acked).isEmpty();

        offsets.finish(first);
        assertThat(acked).containsExactly("commands-0@12");
    }

    @Test
    void acknowledgesTheFinishedPrefixOnly() {
        Ticket first = take(P0, 10);
        take(P0, 11);
        Ticket third = take(P0, 12);

        offsets.finish(third);
        offsets.finish(first);

        assertThat(acked).containsExactly("commands-0@10");
    }

    @Test
    void partitionsAreIndependent() {
        take(P0, 10);
        Ticket other = take(P1, 3);

        offsets.finish(other);

        assertThat(acked).containsExactly("commands-1@3");
    }

    @Test
    void recordsOfARevokedPartitionAreNeitherOwnedNorAcknowledged() {
        Ticket ticket = take(P0, 10);

        offsets.forget(Set.of(P0));

        assertThat(offsets.owns(ticket)).isFalse();
        offsets.finish(ticket);
        assertThat(acked).isEmpty();
    }

    @Test
    void aTicketFromBeforeARevocationStaysStaleWhenThePartitionComesBack() {
        Ticket old = take(P0, 10);
        offsets.forget(Set.of(P0));
        Ticket fresh = take(P0, 10);

        assertThat(offsets.owns(old)).isFalse();
        assertThat(offsets.owns(fresh)).isTrue();
        offsets.finish(old);
        assertThat(acked).isEmpty();
        offsets.finish(fresh);
        assertThat(acked).containsExactly("commands-0@10");
    }

    @Test
    void withAnIntervalAPartitionIsAcknowledgedAtOnceThenAtMostOncePerInterval() {
        Ticket first = take(throttled, P0, 10);
        Ticket second = take(throttled, P0, 11);
        Ticket third = take(throttled, P0, 12);

        throttled.finish(first);
        now += INTERVAL.toNanos() / 2;
        throttled.finish(second);
        throttled.finish(third);
        throttled.acknowledgeDue();
        assertThat(acked).containsExactly("commands-0@10");

        now += INTERVAL.toNanos() / 2;
        throttled.acknowledgeDue();
        assertThat(acked).containsExactly("commands-0@10", "commands-0@12");
    }

    @Test
    void aFinishAfterAQuietIntervalIsAcknowledgedAtOnce() {
        Ticket first = take(throttled, P0, 10);
        Ticket second = take(throttled, P0, 11);

        throttled.finish(first);
        now += INTERVAL.toNanos();
        throttled.finish(second);

        assertThat(acked).containsExactly("commands-0@10", "commands-0@11");
    }

    @Test
    void eachPartitionHasItsOwnInterval() {
        Ticket first = take(throttled, P0, 10);
        Ticket second = take(throttled, P0, 11);
        Ticket other = take(throttled, P1, 3);

        throttled.finish(first);
        throttled.finish(second);
        throttled.finish(other);

        assertThat(acked).containsExactly("commands-0@10", "commands-1@3");
    }

    @Test
    void whatAnIntervalHeldBackIsAcknowledgedWhenThePartitionIsRevoked() {
        throttled.finish(take(throttled, P0, 10));
        Ticket held = take(throttled, P0, 11);
        take(throttled, P0, 12);
        throttled.finish(held);

        throttled.forget(Set.of(P0));

        assertThat(acked).containsExactly("commands-0@10", "commands-0@11");
        throttled.acknowledgeAll();
        assertThat(acked).hasSize(2);
    }

    @Test
    void whatAnIntervalHeldBackIsAcknowledgedWhenTheWorkerStops() {
        throttled.finish(take(throttled, P0, 10));
        throttled.finish(take(throttled, P0, 11));
        throttled.finish(take(throttled, P1, 3));
        throttled.finish(take(throttled, P1, 4));

        throttled.acknowledgeAll();

        assertThat(acked).containsExactlyInAnyOrder("commands-0@10", "commands-0@11", "commands-1@3", "commands-1@4");
    }

    private Ticket take(TopicPartition partition, long offset) {
        return take(offsets, partition, offset);
    }

    private Ticket take(InFlightOffsets into, TopicPartition partition, long offset) {
        Acknowledgment ack = () -> acked.add(partition + "@" + offset);
        return into.take(partition, offset, ack);
    }
}
