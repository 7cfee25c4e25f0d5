package org.gorchestrator.worker.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The records this worker took and has not finished, per partition. Nodes finish out of order;
 * committing a later record's offset would lose an earlier one that still runs if the worker
 * died. So a finished record is acknowledged only once every earlier record of its partition has
 * finished, and then only the highest of them: the commit covers exactly the finished prefix.
 */
final class InFlightOffsets {
    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    /** A taken record; it belongs to the partition's current assignment only. */
    record Ticket(TopicPartition partition, long offset, Partition assignment) {}

    synchronized Ticket take(TopicPartition partition, long offset, Acknowledgment ack) {
        Partition taken = partitions.computeIfAbsent(partition, p -> new Partition());
        taken.inFlight.put(offset, new Slot(ack));
        return new Ticket(partition, offset, taken);
    }

    /** The record is done: acknowledges the finished prefix of its partition, if the partition is still ours. */
    synchronized void finish(Ticket ticket) {
        if (owns(ticket)) {
            partitions.get(ticket.partition()).finish(ticket.offset());
        }
    }

    /** False once the ticket's partition was revoked, even if it was assigned to this worker again since. */
    synchronized boolean owns(Ticket ticket) {
        return partitions.get(ticket.partition()) == ticket.assignment();
    }

    /** The partitions went to other workers: their unfinished records are theirs to run and commit. */
    synchronized void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    private static final class Partition {
        private final TreeMap<Long, Slot> inFlight = new TreeMap<>();

        void finish(long offset) {
            inFlight.get(offset).done = true;
            Acknowledgment highestDone = null;
            while (!inFlight.isEmpty() && inFlight.firstEntry().getValue().done) {
                highestDone = inFlight.pollFirstEntry().getValue().ack;
            }
            if (highestDone != null) {
                highestDone.acknowledge();
            }
        }
    }

    private static final class Slot {
        private final Acknowledgment ack;
        private boolean done;

        Slot(Acknowledgment ack) {
            this.ack = ack;
        }
    }
}
