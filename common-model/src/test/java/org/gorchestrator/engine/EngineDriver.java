package org.gorchestrator.engine;

import java.time.Duration;
import java.time.Instant;
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
 * Drives {@link DagEngine} the way the conductor does: keeps the workflow's state, feeds it one
 * input at a time with a clock that ticks one second per input, and records every command and
 * event the engine emitted. Node events address the node's current attempt unless told otherwise.
 */
final class EngineDriver {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final String WORKFLOW = "wf-1";

    private final DagEngine engine;
    final List<NodeCommand> commands = new ArrayList<>();
    final List<NodeKill> kills = new ArrayList<>();
    final List<WorkflowEvent> events = new ArrayList<>();
    WorkflowState state;
    private Instant clock = T0;

    EngineDriver() {
        this(EngineSettings.DEFAULTS);
    }

    EngineDriver(EngineSettings settings) {
        this.engine = new DagEngine(settings);
    }

    /** Moves the clock forward without an input, then lets the conductor's clock speak: a {@link Tick}. */
    Decision advance(Duration duration) {
        clock = clock.plus(duration);
        return apply(new Tick(WORKFLOW, clock));
    }

    Decision rerun() {
        return apply(new WorkflowCommand.Rerun(WORKFLOW, tick()));
    }

    Decision timedOut(String node) {
        Instant at = tick();
        return apply(new NodeEvent.TimedOut(WORKFLOW, id(node), attempt(node), "worker-1", "timed out after 1s", at.minusMillis(500), at));
    }

    Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    Instant now() {
        return clock;
    }

    Decision apply(EngineInput input) {
        Decision decision = engine.decide(state, input);
        state = decision.state();
        commands.addAll(decision.commands());
        kills.addAll(decision.kills());
        events.addAll(decision.events());
        return decision;
    }

    Decision submit(Graph graph) {
        return apply(new WorkflowCommand.Submit(WORKFLOW, graph, tick()));
    }

    Decision cancel() {
        return apply(new WorkflowCommand.Cancel(WORKFLOW, "test", tick()));
    }

    Decision started(String node) {
        return apply(startedEvent(id(node), attempt(node)));
    }

    Decision succeeded(String node) {
        return succeeded(node, Map.of());
    }

    Decision succeeded(String node, Map<String, String> outputs) {
        return apply(succeededEvent(id(node), attempt(node), outputs));
    }

    Decision failed(String node) {
        return apply(failedEvent(id(node), attempt(node)));
    }

    NodeEvent.Started startedEvent(int node, int attempt) {
        return new NodeEvent.Started(WORKFLOW, node, attempt, "worker-1", tick());
    }

    NodeEvent.Succeeded succeededEvent(int node, int attempt, Map<String, String> outputs) {
        Instant at = tick();
        return new NodeEvent.Succeeded(WORKFLOW, node, attempt, "worker-1", 0, outputs, at.minusMillis(500), at);
    }

    NodeEvent.Failed failedEvent(int node, int attempt) {
        Instant at = tick();
        return new NodeEvent.Failed(WORKFLOW, node, attempt, "worker-1", 1, "exit 1", at.minusMillis(500), at);
    }

    /** Succeeds every dispatched node, oldest command first, until nothing is in flight. */
    void succeedAll() {
        for (int i = 0; i < commands.size(); i++) {
            NodeCommand c = commands.get(i);
            apply(succeededEvent(c.nodeId(), c.attempt(), Map.of()));
        }
    }

    int id(String node) {
        for (int i = 0; i < state.size(); i++) {
            if (state.node(i).displayName().equals(node)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node " + node);
    }

    int attempt(String node) {
        return state.node(id(node)).attempt();
    }

    State stateOf(String node) {
        return state.node(id(node)).state();
    }

    /** The names of the nodes a decision dispatched, in order. */
    List<String> dispatched(Decision decision) {
        return decision.commands().stream().map(NodeCommand::name).toList();
    }
}
