package org.gorchestrator.api.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** Hands each workflow event the view stores to whoever follows its workflow. Listeners run on the view's thread: they must not block. */
public final class LiveEvents {
    private final Map<String, Set<Consumer<StoredEvent>>> listeners = new ConcurrentHashMap<>();

    /** Stops the listener. */
    public interface Following extends AutoCloseable {
        @Override
        void close();
    }

    Following follow(String workflowId, Consumer<StoredEvent> listener) {
        listeners.compute(workflowId, (k, set) -> {
            Set<Consumer<StoredEvent>> updated = set == null ? new CopyOnWriteArraySet<>() : set;
            updated.add(listener);
            return updated;
        });
        return () -> listeners.computeIfPresent(workflowId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(String workflowId, StoredEvent event) {
        Set<Consumer<StoredEvent>> followers = listeners.get(workflowId);
        if (followers != null) {
            followers.forEach(listener -> listener.accept(event));
        }
    }
}
