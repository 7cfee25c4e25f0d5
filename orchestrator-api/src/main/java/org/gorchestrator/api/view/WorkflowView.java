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
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;

/** Reads the latest state of workflows from this instance's copy of the view. */
public final class WorkflowView {
    private static final long POLL_MILLIS = 20;

    private final ViewStores stores;
    private final String store;

    public WorkflowView(ViewStores stores, ViewNames names) {
        this.stores = stores;
        this.store = names.store();
    }

    /**
     * The workflow's whole document, its nodes put together when it is in parts ({@link StateRecords}).
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public Optional<Graph> find(String id) {
        return read(view -> Optional.ofNullable(view.get(id)).map(WorkflowView::decode).map(graph -> inParts(graph)
                ? graph.withNodes(nodesAfter(view, id, -1, Optional.empty(), Integer.MAX_VALUE)) : graph));
    }

    /**
     * The workflow as {@link #find} shows it, except that a workflow in parts comes without its nodes: enough to
     * tell its state and owner, without reading them.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public Optional<Graph> header(String id) {
        return read(view -> Optional.ofNullable(view.get(id)).map(WorkflowView::decode));
    }

    /**
     * Up to {@code limit} of the workflow's nodes with an id above {@code after}, in {@code state} when given; empty
     * when the view does not hold the workflow. Reads only the nodes it goes through when the workflow is in parts.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public Optional<NodePage> nodes(String id, Optional<State> state, int after, int limit) {
        return read(view -> Optional.ofNullable(view.get(id)).map(WorkflowView::decode).map(graph -> inParts(graph)
                ? NodePage.of(nodesAfter(view, id, after, state, limit), limit) : NodePage.of(graph.nodes(), state, after, limit)));
    }

    /** A header in parts: every whole document has a node. */
    private static boolean inParts(Graph graph) {
        return graph.nodes() == null || graph.nodes().isEmpty();
    }

    /** Up to {@code limit} nodes of a workflow in parts, from the one after {@code after}, those in {@code state} when given. */
    private static List<Node> nodesAfter(ReadOnlyKeyValueStore<String, byte[]> view, String id, int after, Optional<State> state, int limit) {
        List<Node> nodes = new ArrayList<>();
        String from = after < 0 ? StateRecords.firstNodeKey(id) : StateRecords.nodeKey(id, after + 1);
        try (KeyValueIterator<String, byte[]> parts = view.range(from, StateRecords.afterNodeKeys(id))) {
            while (parts.hasNext() && nodes.size() < limit) {
                byte[] json = parts.next().value;
                // The node's state is read first: a filtered page decodes only the nodes it keeps.
                if (json != null && (state.isEmpty() || stateOf(json) == state.get())) {
                    nodes.add(Json.read(json, Node.class));
                }
            }
        }
        return nodes;
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
            eachWorkflow(view, false, null, entry -> {
                State state = entry.value == null ? null : stateOf.apply(entry.value);
                if (state != null) {
                    counts.merge(state, 1L, Long::sum);
                }
                return true;
            });
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
     * starting after the id {@code before} or at the newest when it is null; a workflow in parts without its nodes.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public List<Graph> newestFirst(String before, Predicate<Graph> filter, int count) {
        return read(view -> {
            List<Graph> page = new ArrayList<>(count);
            eachWorkflow(view, true, before, entry -> {
                if (page.size() >= count) {
                    return false;
                }
                // range bounds are inclusive, and a cursor is the last id the client already has
                Graph graph = entry.key.equals(before) || entry.value == null ? null : decode(entry.value);
                if (graph != null && filter.test(graph)) {
                    page.add(graph);
                }
                return page.size() < count;
            });
            return page;
        });
    }

    /**
     * Shows {@code visit} the view's workflows in key order (oldest first, or newest first), from {@code bound} (inclusive;
     * null: the first or the last key) on, until it answers false: whole documents and the headers of workflows in
     * parts, never their nodes. A node key sorts right after its workflow's header, so on meeting one the range is
     * opened again beyond that workflow's nodes (after them going forward, at the header going backward): the cost
     * follows the workflows, not their nodes.
     */
    private static void eachWorkflow(ReadOnlyKeyValueStore<String, byte[]> view, boolean newestFirst, String bound,
                                     Predicate<KeyValue<String, byte[]>> visit) {
        String next = bound;
        boolean reopen = true;
        while (reopen) {
            reopen = false;
            try (KeyValueIterator<String, byte[]> entries = newestFirst ? view.reverseRange(null, next) : view.range(next, null)) {
                while (entries.hasNext()) {
                    KeyValue<String, byte[]> entry = entries.next();
                    if (StateRecords.isNodeKey(entry.key)) {
                        String workflow = StateRecords.workflowOf(entry.key);
                        next = newestFirst ? workflow : StateRecords.afterNodeKeys(workflow);
                        reopen = true;
                        break;
                    }
                    if (!visit.test(entry)) {
                        return;
                    }
                }
            }
        }
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
