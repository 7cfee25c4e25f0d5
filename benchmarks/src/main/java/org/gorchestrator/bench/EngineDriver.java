package org.gorchestrator.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;

/**
 * The seed's benchmark: one graph from submit to its end through the pure engine alone. Every
 * dispatched node succeeds at once (as a {@code nil} node would), no I/O and no clock.
 */
public final class EngineDriver {
    static final String WORKFLOW_ID = "bench";
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private final DagEngine engine = new DagEngine();

    /** How a run ended: the graph's state, how many nodes ran, how many inputs the engine decided. */
    public record Outcome(State state, int nodesRun, int decisions) {}

    /** A run stopped part way: its state, and the dispatched nodes whose report is still to come. */
    public record Midway(WorkflowState state, List<NodeCommand> inFlight) {}

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
        Decision decision = engine.decide(null, new WorkflowCommand.Submit(WORKFLOW_ID, graph, AT));
        WorkflowState state = decision.state();
        ArrayDeque<NodeCommand> ready = new ArrayDeque<>(decision.commands());
        int nodesRun = 0;
        while (nodesRun < limit && !ready.isEmpty()) {
            ready.addAll(engine.decide(state, succeeded(ready.poll())).commands());
            nodesRun++;
        }
        return new Walk(state, ready, nodesRun, nodesRun + 1);
    }

    /** The report of a {@code nil} node: it succeeded at once. */
    public static NodeEvent succeeded(NodeCommand command) {
        return new NodeEvent.Succeeded(WORKFLOW_ID, command.nodeId(), command.attempt(), "bench", 0, Map.of(), AT, AT);
    }
}
