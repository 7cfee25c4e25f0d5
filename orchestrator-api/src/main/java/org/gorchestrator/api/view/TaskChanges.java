package org.gorchestrator.api.view;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Tells the task-list streams which workflow the view just stored or removed. Listeners run on the view's thread:
 * they must not block.
 */
public final class TaskChanges {
    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();

    /** Stops the listener. */
    public interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    public Listening listen(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void changed(String workflowId) {
        listeners.forEach(listener -> listener.accept(workflowId));
    }
}
