package org.gorchestrator.engine;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.NodeDefinition;
import org.gorchestrator.model.NodeRun;
import org.gorchestrator.model.State;
import org.gorchestrator.model.Transitions;

/**
 * The engine's view of one workflow: the document, each node's definition and run, and the counters
 * that make an event cost O(out-degree): for each node, how many predecessors have not yet succeeded.
 *
 * <p>It is mutable on purpose: copying O(V) arrays on every event would make a whole run O(V²).
 * Only {@link DagEngine} changes it; everyone else reads it or turns it into a {@link Graph}.
 */
public final class WorkflowState {
    private final Graph document;
    private final Dag dag;
    private final NodeDefinition[] definitions;
    private final NodeRun[] runs;
    /**
     * Each node as the document shows it, rendered once per change (the engine renders it anyway for
     * its event): readers tell a changed node by identity, and a store must not render every node.
     */
    private final Node[] nodes;
    private final int[] pending;
    private final NodeWakeUps wakeUps;
    private final ChangedNodes changed = new ChangedNodes();
    /**
     * Node display name, then id as text → id: how {@code get_attribute name:output} finds its node
     * in O(1). Built at the first such lookup: most workflows never make one.
     */
    private Map<String, Integer> idsByName;
    private State state;
    private Instant startDate;
    private Instant stopDate;
    private Instant deadline;
    private int unfinished;
    /** The JSON bytes of every node's captured output values together: what the outputs limit bounds. */
    private long outputBytes;

    /** {@code definitions} and {@code runs} indexed by id; the graph's own nodes and run fields are not used. */
    private WorkflowState(Graph graph, Dag dag, NodeDefinition[] definitions, NodeRun[] runs, Node[] nodes,
            State state, Instant startDate, Instant stopDate, Instant deadline) {
        this.document = graph.withNodes(List.of());
        this.dag = dag;
        this.definitions = definitions;
        this.runs = runs;
        this.nodes = nodes;
        this.pending = new int[dag.size()];
        this.state = state;
        this.startDate = startDate;
        this.stopDate = stopDate;
        this.deadline = deadline;
        this.wakeUps = new NodeWakeUps(runs);
        countPending();
        for (NodeRun run : runs) {
            outputBytes += run.outputBytes();
        }
    }

    /** Recounts, for every node, its predecessors that have not succeeded, and the unfinished nodes. O(V+E). */
    void countPending() {
        Arrays.fill(pending, 0);
        unfinished = 0;
        for (int i = 0; i < runs.length; i++) {
            if (!runs[i].state().isFinished()) {
                unfinished++;
            }
            if (runs[i].state() != State.SUCCESS) {
                for (int k = 0; k < dag.outDegree(i); k++) {
                    pending[dag.successor(i, k)]++;
                }
            }
        }
    }

    /** The state of a stored or replayed workflow, as {@link #toGraph()} wrote it. */
    public static WorkflowState of(Graph graph) {
        return of(graph, Dag.of(graph));
    }

    /** Same as {@link #of(Graph)} with an already built DAG (the validator builds one). */
    public static WorkflowState of(Graph graph, Dag dag) {
        int n = dag.size();
        NodeDefinition[] definitions = new NodeDefinition[n];
        NodeRun[] runs = new NodeRun[n];
        // The stored nodes are what rendering their definition and run gives: kept, not rendered again.
        Node[] nodes = new Node[n];
        for (Node node : graph.nodes()) {
            definitions[node.id()] = node.toDefinition();
            runs[node.id()] = node.toRun();
            nodes[node.id()] = node;
        }
        return new WorkflowState(graph, dag, definitions, runs, nodes, graph.state(), graph.startDate(), graph.stopDate(),
                graph.deadline());
    }

    /**
     * A workflow just submitted: nothing has run, every node's run is {@link NodeRun#FIRST_PASS}. A
     * document may carry a previous run's results (a GET response posted again): they go, or a
     * stale attempt number could match a stale event for a node that was never dispatched.
     */
    static WorkflowState submitted(Graph graph) {
        int n = graph.nodes().size();
        NodeDefinition[] definitions = new NodeDefinition[n];
        NodeRun[] runs = new NodeRun[n];
        for (Node node : graph.nodes()) {
            definitions[node.id()] = node.toDefinition();
            runs[node.id()] = NodeRun.FIRST_PASS;
        }
        return new WorkflowState(graph, Dag.of(graph), definitions, runs, new Node[n], State.INITIAL, null, null, null);
    }

    public String id() {
        return document.id();
    }

    public State state() {
        return state;
    }

    public int size() {
        return runs.length;
    }

    /**
     * Node {@code id} as the document shows it (its definition and run together). The same instance
     * until the node changes, so a reader can tell a changed node by identity.
     */
    public Node node(int id) {
        Node node = nodes[id];
        if (node == null) {
            node = Node.of(definitions[id], runs[id]);
            nodes[id] = node;
        }
        return node;
    }

    /** What node {@code id} runs. */
    public NodeDefinition definition(int id) {
        return definitions[id];
    }

    /** How node {@code id} goes. */
    public NodeRun run(int id) {
        return runs[id];
    }

    public Dag dag() {
        return dag;
    }

    /** The outputs of the node that get_attribute calls {@code nameOrId} once it succeeded, else null. O(1). */
    Map<String, String> outputsOfSucceeded(String nameOrId) {
        if (idsByName == null) {
            idsByName = idsByName();
        }
        Integer id = idsByName.get(nameOrId);
        if (id == null || runs[id].state() != State.SUCCESS) {
            return null;
        }
        return Node.outputOf(definitions[id], runs[id]);
    }

    private Map<String, Integer> idsByName() {
        Map<String, Integer> ids = new HashMap<>();
        // Same precedence as GraphValidator: a display name wins over another node's id.
        for (NodeDefinition node : definitions) {
            ids.putIfAbsent(node.displayName(), node.id());
        }
        for (NodeDefinition node : definitions) {
            ids.putIfAbsent(String.valueOf(node.id()), node.id());
        }
        return ids;
    }

    int pending(int id) {
        return pending[id];
    }

    int unfinished() {
        return unfinished;
    }

    /** The JSON bytes of all the nodes' captured output values. O(1). */
    public long outputBytes() {
        return outputBytes;
    }

    public boolean isFinished() {
        return state.isFinished();
    }

    public Instant stopDate() {
        return stopDate;
    }

    /** The document's own fields (name, timeout, idempotency), without nodes or run state. */
    Graph toGraphHeader() {
        return document;
    }

    public Instant deadline() {
        return deadline;
    }

    /**
     * The next moment something is due without any input: the graph's deadline, a report deadline
     * or a retry time. Null when nothing is. O(log V) amortized ({@link NodeWakeUps}).
     */
    public Instant nextWakeUp() {
        if (isFinished()) {
            return null;
        }
        return earliest(deadline, wakeUps.next());
    }

    /**
     * Hands {@code consumer} the id of each node changed since the last call, once each, and forgets
     * them: what a writer of the state must store or publish again. Reading, not changing, the workflow.
     */
    public void drainChangedNodes(IntConsumer consumer) {
        changed.drain(consumer);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** The document with the current state of the graph and of every node. O(V). */
    public Graph toGraph() {
        Node[] all = new Node[runs.length];
        for (int id = 0; id < all.length; id++) {
            all[id] = node(id);
        }
        return header().withNodes(Arrays.asList(all));
    }

    /** {@link #toGraph()} without the nodes: the document's own fields and the run's state and dates. O(1). */
    public Graph header() {
        return document.withRun(state, startDate, stopDate, deadline);
    }

    /** A deep enough copy for tests that compare before and after. */
    public WorkflowState copy() {
        return of(toGraph(), dag);
    }

    // ---- changes, only from the engine; each checks the transition table ----

    /** Node {@code id} goes on as {@code updated}; returns the node as the document now shows it. */
    Node setRun(int id, NodeRun updated) {
        NodeRun old = runs[id];
        if (old.state() != updated.state()) {
            Transitions.checkNode(old.state(), updated.state());
            boolean wasFinished = old.state().isFinished();
            boolean isFinished = updated.state().isFinished();
            if (wasFinished != isFinished) {
                unfinished += isFinished ? -1 : 1;
            }
        }
        if (old.outputs() != updated.outputs()) {
            outputBytes += updated.outputBytes() - old.outputBytes();
        }
        runs[id] = updated;
        wakeUps.changed(id, updated);
        changed.add(id);
        Node shown = Node.of(definitions[id], updated);
        nodes[id] = shown;
        return shown;
    }

    /** Counts one more succeeded predecessor of {@code id}; returns how many are still pending. */
    int predecessorSucceeded(int id) {
        return --pending[id];
    }

    void setState(State newState, Instant at) {
        Transitions.checkGraph(state, newState);
        state = newState;
        if (newState == State.RUNNING) {
            startDate = startDate == null ? at : startDate;
            stopDate = null;
        } else if (newState.isFinished()) {
            stopDate = at;
            deadline = null;
        }
    }

    void setDeadline(Instant newDeadline) {
        deadline = newDeadline;
    }
}
