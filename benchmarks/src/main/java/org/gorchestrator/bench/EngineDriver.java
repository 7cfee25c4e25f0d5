package org.gorchestrator.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;

/**
 * The seed's benchmark: one graph from submit to its end through the pure engine alone. Every
 * dispatched node succeeds at once (as a {@code nil} node would), no I/O and no clock.
 *
 * <p>{@link #runThroughStore} also does what the conductor does between two inputs: the state is
 * written as JSON and read back (its store keeps the whole document, so that costs O(V + E) per event).
 */
public final class EngineDriver {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private final DagEngine engine = new DagEngine();

    /** How a run ended: the graph's state, how many nodes ran, how many inputs the engine decided. */
    public record Outcome(State state, int nodesRun, int decisions) {}

    public Outcome run(Graph graph) {
        return run(graph, false);
    }

    public Outcome runThroughStore(Graph graph) {
        return run(graph, true);
    }

    private Outcome run(Graph graph, boolean throughStore) {
        String id = "bench";
        Decision decision = engine.decide(null, new WorkflowCommand.Submit(id, graph, AT));
        WorkflowState state = decision.state();
        ArrayDeque<NodeCommand> ready = new ArrayDeque<>(decision.commands());
        int decisions = 1;
        int nodesRun = 0;
        while (!ready.isEmpty()) {
            NodeCommand command = ready.poll();
            if (throughStore) {
                state = WorkflowState.of(Json.read(Json.write(state.toGraph()), Graph.class));
            }
            NodeEvent succeeded = new NodeEvent.Succeeded(id, command.nodeId(), command.attempt(), "bench", 0, Map.of(), AT, AT);
            ready.addAll(engine.decide(state, succeeded).commands());
            decisions++;
            nodesRun++;
        }
        return new Outcome(state.state(), nodesRun, decisions);
    }
}
