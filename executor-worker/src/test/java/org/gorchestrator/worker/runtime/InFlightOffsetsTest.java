package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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

    private final InFlightOffsets offsets = new InFlightOffsets();
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

    private Ticket take(TopicPartition partition, long offset) {
        Acknowledgment ack = () -> acked.add(partition + "@" + offset);
        return offsets.take(partition, offset, ack);
    }
}
