package org.gorchestrator.api.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;

/** Reads the latest state of workflows from this instance's copy of the view. */
public final class WorkflowView {
    private static final long POLL_MILLIS = 20;

    private final ViewStores stores;
    private final String store;

    public WorkflowView(ViewStores stores, ViewNames names) {
        this.stores = stores;
        this.store = names.store();
    }

    /** @throws ViewNotReadyException while the view is not running */
    public Optional<Graph> find(String id) {
        return read(view -> Optional.ofNullable(view.get(id)).map(WorkflowView::decode));
    }

    /**
     * Whether the view holds the workflow, without decoding it.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public boolean exists(String id) {
        return read(view -> view.get(id) != null);
    }

    /**
     * How many workflows are in each state (every state present, zero or more); walks the whole view, reading only each
     * document's top-level state.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public Map<State, Long> countByState() {
        return count(WorkflowView::stateOf);
    }

    /**
     * How many of the workflows {@code filter} accepts are in each state (every state present); decodes every document,
     * so it is for callers who see only some workflows.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public Map<State, Long> countByState(Predicate<Graph> filter) {
        return count(document -> {
            Graph graph = decode(document);
            return filter.test(graph) ? graph.state() : null;
        });
    }

    /** Counts the documents by the state {@code stateOf} reads from each; null leaves a document out. */
    private Map<State, Long> count(Function<byte[], State> stateOf) {
        return read(view -> {
            Map<State, Long> counts = new EnumMap<>(State.class);
            for (State state : State.values()) {
                counts.put(state, 0L);
            }
            try (KeyValueIterator<String, byte[]> entries = view.all()) {
                entries.forEachRemaining(entry -> {
                    State state = entry.value == null ? null : stateOf.apply(entry.value);
                    if (state != null) {
                        counts.merge(state, 1L, Long::sum);
                    }
                });
            }
            return counts;
        });
    }

    /**
     * Waits up to {@code wait} for the view to show the workflow: it may have been submitted a moment ago.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public Optional<Graph> await(String id, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<Graph> found = find(id);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = find(id);
        }
        return found;
    }

    /**
     * Up to {@code count} workflows accepted by {@code filter}, newest first (ids are time-ordered),
     * starting after the id {@code before} or at the newest when it is null.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public List<Graph> newestFirst(String before, Predicate<Graph> filter, int count) {
        return read(view -> {
            List<Graph> page = new ArrayList<>(count);
            try (KeyValueIterator<String, byte[]> entries = view.reverseRange(null, before)) {
                while (entries.hasNext() && page.size() < count) {
                    KeyValue<String, byte[]> entry = entries.next();
                    // range bounds are inclusive, and a cursor is the last id the client already has
                    Graph graph = entry.key.equals(before) || entry.value == null ? null : decode(entry.value);
                    if (graph != null && filter.test(graph)) {
                        page.add(graph);
                    }
                }
            }
            return page;
        });
    }

    private <T> T read(Function<ReadOnlyKeyValueStore<String, byte[]>, T> query) {
        return stores.read(store, query);
    }

    private static State stateOf(byte[] document) {
        try {
            return TopLevelState.of(document);
        } catch (RuntimeException unreadable) {
            return State.INITIAL; // what a read of it shows: nothing useful, not a failure of the count
        }
    }

    private static Graph decode(byte[] document) {
        return Json.read(document, Graph.class);
    }
}
