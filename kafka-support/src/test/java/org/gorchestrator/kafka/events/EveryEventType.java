package org.gorchestrator.kafka.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.Tick;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.RetryPolicy;

/**
 * The real engine driven, on a fake clock, through one workflow in which every event type occurs:
 * prepare succeeds with an output; flaky (after prepare) fails, is retried and times out, so after
 * (after flaky) is not runnable; broken fails; the graph fails; a rerun resets the three; a cancel
 * ends them.
 */
final class EveryEventType {
    static final String ID = "0196a1b2-0000-7000-8000-000000000001";
    static final int PREPARE = 0;
    static final int FLAKY = 1;
    static final int AFTER = 2;
    static final int BROKEN = 3;

    /** The state after one engine decision, and how many events had been published by then. */
    record Step(int eventCount, Graph graph) {}

    final List<WorkflowEvent> events = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    private final DagEngine engine = new DagEngine();
    private WorkflowState state;
    private Instant now = Instant.parse("2026-05-01T10:00:00Z");

    static EveryEventType run() {
        EveryEventType run = new EveryEventType();
        run.apply(new WorkflowCommand.Submit(ID, graph(), run.now));
        run.succeeds(PREPARE, Map.of("ip", "10.0.0.7"));
        run.fails(BROKEN);
        run.fails(FLAKY);
        run.apply(new Tick(ID, run.now.plusSeconds(1)));
        run.start(FLAKY);
        run.apply(new NodeEvent.TimedOut(ID, FLAKY, run.attempt(FLAKY), "w1", "ran out of time", run.now, run.now));
        run.apply(new WorkflowCommand.Rerun(ID, run.now));
        run.apply(new WorkflowCommand.Cancel(ID, "user", run.now));
        return run;
    }

    static Graph graph() {
        List<Node> nodes = List.of(
                Node.of(PREPARE, "prepare", "shell", "prepare.sh", List.of()).withOutput(Map.of("ip", "")),
                Node.of(FLAKY, "flaky", "shell", "flaky.sh", List.of("ip=get_attribute prepare:ip"))
                        .withRetry(new RetryPolicy(2, 1.0, 2.0, 10.0)).withTimeout(5),
                Node.of(AFTER, "after", "nil", null, List.of()),
                Node.of(BROKEN, "broken", "shell", "broken.sh", List.of()));
        return Graph.sparse("every-event-type", List.of(List.of(PREPARE, FLAKY), List.of(FLAKY, AFTER)), nodes);
    }

    private void succeeds(int node, Map<String, String> outputs) {
        start(node);
        apply(new NodeEvent.Succeeded(ID, node, attempt(node), "w1", 0, outputs, now, now));
    }

    private void fails(int node) {
        start(node);
        apply(new NodeEvent.Failed(ID, node, attempt(node), "w1", 2, "exit 2", now, now));
    }

    private void start(int node) {
        apply(new NodeEvent.Started(ID, node, attempt(node), "w1", now));
    }

    private int attempt(int node) {
        return state.node(node).attempt();
    }

    private void apply(EngineInput input) {
        Decision decision = engine.decide(state, input);
        state = decision.state();
        events.addAll(decision.events());
        steps.add(new Step(events.size(), state.toGraph()));
        now = input.at().plus(Duration.ofMillis(100));
    }
}
