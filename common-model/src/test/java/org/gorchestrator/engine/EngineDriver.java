package org.gorchestrator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.Tick;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;

/**
 * Drives {@link DagEngine} the way the conductor does, for the engine's tests and for the benchmarks.
 *
 * <p>Step by step: keeps the workflow's state, feeds it one input at a time with a clock that ticks
 * one second per input, and records every command and event the engine emitted. Node events address
 * the node's current attempt unless told otherwise. The recorded lists and the state are for the
 * engine's own tests (same package).
 *
 * <p>In one go ({@link #run}, {@link #runUntil}): one graph from submit to its end, every dispatched node
 * succeeding at once as a {@code nil} node would; nothing is recorded, so a benchmark measures the engine.
 */
public final class EngineDriver {
    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    public static final String WORKFLOW = "wf-1";

    private final DagEngine engine;
    final List<NodeCommand> commands = new ArrayList<>();
    final List<NodeKill> kills = new ArrayList<>();
    final List<WorkflowEvent> events = new ArrayList<>();
    WorkflowState state;
    private Instant clock = T0;

    public EngineDriver() {
        this(EngineSettings.DEFAULTS);
    }

    public EngineDriver(EngineSettings settings) {
        this.engine = new DagEngine(settings);
    }

    /** Moves the clock forward without an input, then lets the conductor's clock speak: a {@link Tick}. */
    public Decision advance(Duration duration) {
        clock = clock.plus(duration);
        return apply(new Tick(WORKFLOW, clock));
    }

    public Decision rerun() {
        return apply(new WorkflowCommand.Rerun(WORKFLOW, tick()));
    }

    public Decision timedOut(String node) {
        Instant at = tick();
        return apply(new NodeEvent.TimedOut(WORKFLOW, id(node), attempt(node), "worker-1", "timed out after 1s", at.minusMillis(500), at));
    }

    public Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    public Instant now() {
        return clock;
    }

    public Decision apply(EngineInput input) {
        Decision decision = engine.decide(state, input);
        state = decision.state();
        commands.addAll(decision.commands());
        kills.addAll(decision.kills());
        events.addAll(decision.events());
        return decision;
    }

    public Decision submit(Graph graph) {
        return apply(new WorkflowCommand.Submit(WORKFLOW, graph, tick()));
    }

    public Decision cancel() {
        return apply(new WorkflowCommand.Cancel(WORKFLOW, "test", tick()));
    }

    public Decision started(String node) {
        return apply(startedEvent(id(node), attempt(node)));
    }

    public Decision succeeded(String node) {
        return succeeded(node, Map.of());
    }

    public Decision succeeded(String node, Map<String, String> outputs) {
        return apply(succeededEvent(id(node), attempt(node), outputs));
    }

    public Decision failed(String node) {
        return apply(failedEvent(id(node), attempt(node)));
    }

    public NodeEvent.Started startedEvent(int node, int attempt) {
        return new NodeEvent.Started(WORKFLOW, node, attempt, "worker-1", tick());
    }

    public NodeEvent.Succeeded succeededEvent(int node, int attempt, Map<String, String> outputs) {
        Instant at = tick();
        return new NodeEvent.Succeeded(WORKFLOW, node, attempt, "worker-1", 0, outputs, at.minusMillis(500), at);
    }

    public NodeEvent.Failed failedEvent(int node, int attempt) {
        Instant at = tick();
        return new NodeEvent.Failed(WORKFLOW, node, attempt, "worker-1", 1, "exit 1", at.minusMillis(500), at);
    }

    /** Succeeds every dispatched node, oldest command first, until nothing is in flight. */
    public void succeedAll() {
        for (int i = 0; i < commands.size(); i++) {
            NodeCommand c = commands.get(i);
            apply(succeededEvent(c.nodeId(), c.attempt(), Map.of()));
        }
    }

    public int id(String node) {
        for (int i = 0; i < state.size(); i++) {
            if (state.node(i).displayName().equals(node)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node " + node);
    }

    public int attempt(String node) {
        return state.node(id(node)).attempt();
    }

    public State stateOf(String node) {
        return state.node(id(node)).state();
    }

    /** The names of the nodes a decision dispatched, in order. */
    public List<String> dispatched(Decision decision) {
        return decision.commands().stream().map(NodeCommand::name).toList();
    }
    /** How a run ended: the graph's state, how many nodes ran, how many inputs the engine decided. */
    public record Outcome(State state, int nodesRun, int decisions) {}

    /** A run stopped part way: its state, and the dispatched nodes whose report is still to come. */
    public record Midway(WorkflowState state, List<NodeCommand> inFlight) {}

    /** Runs {@code graph} from submit to its end, each dispatched node succeeding at once. */
    public Outcome run(Graph graph) {
        Walk walk = walk(graph, Integer.MAX_VALUE);
        return new Outcome(walk.state().state(), walk.nodesRun(), walk.decisions());
    }

    /** Runs {@code graph} until {@code nodes} nodes succeeded (or to its end), and stops there. */
    public Midway runUntil(Graph graph, int nodes) {
        Walk walk = walk(graph, nodes);
        return new Midway(walk.state(), List.copyOf(walk.ready()));
    }

    private record Walk(WorkflowState state, ArrayDeque<NodeCommand> ready, int nodesRun, int decisions) {}

    private Walk walk(Graph graph, int limit) {
        Decision decision = engine.decide(null, new WorkflowCommand.Submit(WORKFLOW, graph, T0));
        WorkflowState walked = decision.state();
        ArrayDeque<NodeCommand> ready = new ArrayDeque<>(decision.commands());
        int nodesRun = 0;
        while (nodesRun < limit && !ready.isEmpty()) {
            ready.addAll(engine.decide(walked, succeeded(ready.poll())).commands());
            nodesRun++;
        }
        return new Walk(walked, ready, nodesRun, nodesRun + 1);
    }

    /** The report of a {@code nil} node: it succeeded at once. */
    public static NodeEvent succeeded(NodeCommand command) {
        return new NodeEvent.Succeeded(WORKFLOW, command.nodeId(), command.attempt(), "worker-1", 0, Map.of(), T0, T0);
    }
}
