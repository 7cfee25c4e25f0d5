package org.gorchestrator.api.events;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.gorchestrator.model.SortableNumbers;

/**
 * How the event store is keyed: {@code workflowId/offset}, the offset zero-padded so that a workflow's events sort in
 * the order they were published, and a prefix scan finds exactly the events of one workflow.
 */
public final class EventKeys {
    private static final StringSerializer PREFIX = new StringSerializer();

    private EventKeys() {}

    /** The key of the event at {@code offset} (not negative). */
    static String of(String workflowId, long offset) {
        return prefix(workflowId) + SortableNumbers.padded(offset, SortableNumbers.LONG_DIGITS);
    }

    private static String prefix(String workflowId) {
        return workflowId + "/";
    }

    /** The workflow's stored events, in order. */
    static List<StoredEvent> scan(ReadOnlyKeyValueStore<String, byte[]> store, String workflowId) {
        List<StoredEvent> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> events = store.prefixScan(prefix(workflowId), PREFIX)) {
            events.forEachRemaining(entry -> found.add(new StoredEvent(offset(entry.key), entry.value)));
        }
        return found;
    }

    /** Removes every event of the workflow. */
    public static void deleteWorkflow(KeyValueStore<String, byte[]> store, String workflowId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> events = store.prefixScan(prefix(workflowId), PREFIX)) {
            events.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }

    private static long offset(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
    }
}
