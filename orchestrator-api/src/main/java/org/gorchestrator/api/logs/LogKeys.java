package org.gorchestrator.api.logs;

import org.gorchestrator.message.LogChunk;
import org.gorchestrator.model.SortableNumbers;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How the log store is keyed: {@code workflowId/nodeId/attempt/stream/seq}, seq zero-padded so that
 * the chunks of a stream sort in order. Every segment ends with '/', so a prefix scan finds exactly
 * the chunks of a workflow, of an attempt or of one of its streams.
 */
public final class LogKeys {
    private static final StringSerializer PREFIX = new StringSerializer();

    private LogKeys() {}

    static String of(LogChunk chunk) {
        return attempt(chunk.workflowId(), chunk.nodeId(), chunk.attempt()) + chunk.stream() + "/" + SortableNumbers.padded(chunk.seq(), SortableNumbers.LONG_DIGITS);
    }

    static String attempt(String workflowId, int nodeId, int attempt) {
        return workflowId + "/" + nodeId + "/" + attempt + "/";
    }

    /** Every chunk stored under the prefix, in key order. */
    static List<LogChunk> scan(ReadOnlyKeyValueStore<String, LogChunk> store, String prefix) {
        List<LogChunk> found = new ArrayList<>();
        try (KeyValueIterator<String, LogChunk> chunks = store.prefixScan(prefix, PREFIX)) {
            chunks.forEachRemaining(entry -> found.add(entry.value));
        }
        return found;
    }

    /** Removes every log of the workflow. */
    public static void deleteWorkflow(KeyValueStore<String, LogChunk> store, String workflowId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, LogChunk> chunks = store.prefixScan(workflowId + "/", PREFIX)) {
            chunks.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }
}
