package org.gorchestrator.conductor.topology;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gorchestrator.engine.WorkflowState;

/**
 * The decoded states of the running workflows of one task, each in the {@link DocumentWriter} that
 * keeps its nodes' JSON, so that a node event neither reads and parses its workflow from the store
 * nor serializes every node again.
 * The store stays the truth: whatever is missing here is loaded from it, and the cache is dropped
 * whenever the task (re)starts, so after an aborted transaction nothing uncommitted survives. Least
 * recently used workflows go first once the states together hold more than {@code maxNodes} nodes;
 * finished ones are not kept at all.
 */
final class LiveStates {
    private final int maxNodes;
    private final LinkedHashMap<String, DocumentWriter> states = new LinkedHashMap<>(64, 0.75f, true);
    private long nodes;

    LiveStates(int maxNodes) {
        this.maxNodes = maxNodes;
    }

    /** The workflow's kept writer (and so its state), or null. */
    DocumentWriter get(String id) {
        return states.get(id);
    }

    /** Keeps {@code writer} as the workflow's, unless its state is finished or bigger than the whole budget. */
    void keep(String id, DocumentWriter writer) {
        if (states.get(id) == writer && !writer.state().isFinished()) {
            return;
        }
        remove(id);
        WorkflowState state = writer.state();
        if (state.isFinished() || state.size() > maxNodes) {
            return;
        }
        states.put(id, writer);
        nodes += state.size();
        evictBeyondBudget();
    }

    void remove(String id) {
        DocumentWriter removed = states.remove(id);
        if (removed != null) {
            nodes -= removed.state().size();
        }
    }

    void clear() {
        states.clear();
        nodes = 0;
    }

    private void evictBeyondBudget() {
        Iterator<Map.Entry<String, DocumentWriter>> eldestFirst = states.entrySet().iterator();
        while (nodes > maxNodes && eldestFirst.hasNext()) {
            nodes -= eldestFirst.next().getValue().state().size();
            eldestFirst.remove();
        }
    }
}
