package org.gorchestrator.conductor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.model.SortableNumbers;

/**
 * Each workflow's next due moment, in a store whose keys sort by time ({@code millis/workflowId}),
 * and, in memory, when the earliest of them is: the {@link Wakeup} asks after every firing, and a
 * store scan (over the tombstones every moved timer leaves) costs far more than a comparison.
 */
final class Timers {
    private static final int MILLIS_DIGITS = 15;

    private final KeyValueStore<String, String> store;
    private Instant earliest; // no timer is due before this; null: not known, look in the store

    Timers(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /**
     * The workflow's due moment moved from {@code before} to {@code after} (either may be null: none). Most inputs
     * leave it where it was (a running workflow's is usually its graph's deadline): then nothing is written, for
     * every write goes to the store's changelog in the input's transaction.
     */
    void move(String workflowId, Instant before, Instant after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            store.delete(key(before, workflowId));
        }
        if (after != null) {
            store.put(key(after, workflowId), workflowId);
            if (earliest != null && after.isBefore(earliest)) {
                earliest = after;
            }
        }
    }

    /** A workflow's timer. */
    record Due(String workflowId, Instant at) {
    }

    /** The timers due by {@code now}, earliest first. They stay until moved, so one not moved is due again. */
    List<Due> dueBy(Instant now) {
        if (earliest != null && now.isBefore(earliest)) {
            return List.of();
        }
        List<Due> due = new ArrayList<>();
        Instant next = Instant.MAX;
        try (KeyValueIterator<String, String> byTime = store.range(null, null)) {
            while (byTime.hasNext()) {
                KeyValue<String, String> timer = byTime.next();
                Instant at = timeOf(timer.key);
                if (at.isAfter(now)) {
                    next = at;
                    break;
                }
                due.add(new Due(timer.value, at));
            }
        }
        earliest = due.isEmpty() ? next : null;
        return due;
    }

    /** When the earliest timer is due (it may have been moved since: never later than that); null when there is none. */
    Instant next() {
        if (earliest == null) {
            try (KeyValueIterator<String, String> byTime = store.range(null, null)) {
                earliest = byTime.hasNext() ? timeOf(byTime.next().key) : Instant.MAX;
            }
        }
        return earliest.equals(Instant.MAX) ? null : earliest;
    }

    /** Zero-padded epoch millis first, so that keys sort by time. */
    static String key(Instant at, String workflowId) {
        return SortableNumbers.padded(Math.max(0, at.toEpochMilli()), MILLIS_DIGITS) + "/" + workflowId;
    }

    private static Instant timeOf(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key, 0, MILLIS_DIGITS, 10));
    }
}
