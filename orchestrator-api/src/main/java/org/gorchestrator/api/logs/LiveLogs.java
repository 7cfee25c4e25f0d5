package org.gorchestrator.api.logs;

import org.gorchestrator.message.LogChunk;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Hands each log chunk the view stores to whoever follows its attempt. Listeners run on the view's
 * thread, so they must not block.
 */
public final class LiveLogs {
    private final Map<String, Set<Consumer<LogChunk>>> listeners = new ConcurrentHashMap<>();

    /** Stops the listener. */
    public interface Following extends AutoCloseable {
        @Override
        void close();
    }

    Following follow(String workflowId, int nodeId, int attempt, Consumer<LogChunk> listener) {
        String key = LogKeys.attempt(workflowId, nodeId, attempt);
        listeners.compute(key, (k, set) -> {
            Set<Consumer<LogChunk>> updated = set == null ? new CopyOnWriteArraySet<>() : set;
            updated.add(listener);
            return updated;
        });
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(LogChunk chunk) {
        Set<Consumer<LogChunk>> followers = listeners.get(LogKeys.attempt(chunk.workflowId(), chunk.nodeId(), chunk.attempt()));
        if (followers != null) {
            followers.forEach(listener -> listener.accept(chunk));
        }
    }
}
