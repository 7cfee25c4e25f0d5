package org.gorchestrator.conductor.topology;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gorchestrator.engine.WorkflowState;

/**
 * The decoded states of the running workflows of one task, so that a node event does not read and
 * parse its workflow's whole document from the store. The store stays the truth: whatever is
 * missing here is loaded from it, and the cache is dropped whenever the task (re)starts, so after an
 * aborted transaction nothing uncommitted survives. Least recently used workflows go first once
 * the states together hold more than {@code maxNodes} nodes; finished ones are not kept at all.
 */
final class LiveStates {
    private final int maxNodes;
    private final LinkedHashMap<String, WorkflowState> states = new LinkedHashMap<>(64, 0.75f, true);
    private long nodes;

    LiveStates(int maxNodes) {
        this.maxNodes = maxNodes;
    }

    WorkflowState get(String id) {
        return states.get(id);
    }

    void put(String id, WorkflowState state) {
        remove(id);
        if (state.state().isFinished() || state.size() > maxNodes) {
            return;
        }
        states.put(id, state);
        nodes += state.size();
        evictBeyondBudget();
    }

    void remove(String id) {
        WorkflowState removed = states.remove(id);
        if (removed != null) {
            nodes -= removed.size();
        }
    }

    void clear() {
        states.clear();
        nodes = 0;
    }

    private void evictBeyondBudget() {
        Iterator<Map.Entry<String, WorkflowState>> eldestFirst = states.entrySet().iterator();
        while (nodes > maxNodes && eldestFirst.hasNext()) {
            nodes -= eldestFirst.next().getValue().size();
            eldestFirst.remove();
        }
    }
}
