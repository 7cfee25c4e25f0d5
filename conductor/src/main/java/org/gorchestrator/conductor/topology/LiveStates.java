package org.gorchestrator.conductor.topology;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gorchestrator.engine.WorkflowState;

/**
 * The decoded states of the running workflows of one task, so that a node event does not read and
 * parse its workflow's whole document from the store, each with the {@link DocumentWriter} that
 * keeps its nodes' JSON, so that writing the document back does not serialize every node again.
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

    WorkflowState get(String id) {
        DocumentWriter kept = states.get(id);
        return kept == null ? null : kept.state();
    }

    /**
     * Keeps {@code state} as the workflow's current one; returns the writer of its document, the one
     * already kept when it is the same state, or null when the state is not kept (finished, or too big).
     */
    DocumentWriter put(String id, WorkflowState state) {
        DocumentWriter kept = states.get(id);
        if (kept != null && kept.state() == state && !state.isFinished()) {
            return kept;
        }
        remove(id);
        if (state.isFinished() || state.size() > maxNodes) {
            return null;
        }
        DocumentWriter writer = new DocumentWriter(state);
        states.put(id, writer);
        nodes += state.size();
        evictBeyondBudget();
        return writer;
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
