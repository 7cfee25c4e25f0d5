package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The records this worker took and has not finished, per partition. Nodes finish out of order;
 * committing a later record's offset would lose an earlier one that still runs if the worker
 * died. So a finished record is acknowledged only once every earlier record of its partition has
 * finished, and then only the highest of them: the commit covers exactly the finished prefix.
 * <p>
 * A partition is acknowledged at most once per commit interval: a commit at every poll that
 * brought finishes overran the group coordinator at a few thousand nodes a second (the commits
 * queued until they timed out). What an interval holds back is acknowledged by
 * {@link #acknowledgeDue()}, called every interval, or when the partition is revoked or the worker
 * stops.
 */
final class InFlightOffsets {
    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    private final long intervalNanos;
    private final LongSupplier nanoTime;

    /** A taken record; it belongs to the partition's current assignment only. */
    record Ticket(TopicPartition partition, long offset, Partition assignment) {}

    /** @param commitInterval zero: every finished prefix is acknowledged at once */
    InFlightOffsets(Duration commitInterval, LongSupplier nanoTime) {
        this.intervalNanos = commitInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized Ticket take(TopicPartition partition, long offset, Acknowledgment ack) {
        Partition taken = partitions.computeIfAbsent(partition, p -> new Partition());
        taken.inFlight.put(offset, new Slot(ack));
        return new Ticket(partition, offset, taken);
    }

    /**
     * The record is done: acknowledges the finished prefix of its partition if the partition is still ours, now if its
     * interval has passed, else later.
     */
    synchronized void finish(Ticket ticket) {
        if (owns(ticket)) {
            Partition partition = partitions.get(ticket.partition());
            partition.finish(ticket.offset());
            partition.acknowledgeIfDue(nanoTime.getAsLong());
        }
    }

    /** False once the ticket's partition was revoked, even if it was assigned to this worker again since. */
    synchronized boolean owns(Ticket ticket) {
        return partitions.get(ticket.partition()) == ticket.assignment();
    }

    /** Acknowledges what was held back for partitions whose interval has passed. */
    synchronized void acknowledgeDue() {
        long now = nanoTime.getAsLong();
        partitions.values().forEach(partition -> partition.acknowledgeIfDue(now));
    }

    /** Acknowledges everything held back, whatever the interval: the worker stops. */
    synchronized void acknowledgeAll() {
        partitions.values().forEach(Partition::acknowledgeHeld);
    }

    /**
     * The partitions go to other workers: what finished here is acknowledged (the container commits it before the
     * partitions go), and the unfinished records are theirs to run and commit.
     */
    synchronized void forget(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            Partition gone = partitions.remove(partition);
            if (gone != null) {
                gone.acknowledgeHeld();
            }
        }
    }

    private final class Partition {
        private final TreeMap<Long, Slot> inFlight = new TreeMap<>();
        private Acknowledgment held;
        // As if acknowledged an interval before it was taken, so that its first finish is acknowledged at once.
        private long lastAcknowledged = nanoTime.getAsLong() - intervalNanos;

        private void finish(long offset) {
            inFlight.get(offset).done = true;
            while (!inFlight.isEmpty() && inFlight.firstEntry().getValue().done) {
                held = inFlight.pollFirstEntry().getValue().ack;
            }
        }

        private void acknowledgeIfDue(long now) {
            if (held != null && now - lastAcknowledged >= intervalNanos) {
                acknowledgeHeld();
                lastAcknowledged = now;
            }
        }

        private void acknowledgeHeld() {
            if (held != null) {
                held.acknowledge();
                held = null;
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
