package org.gorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.gorchestrator.message.Abort;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

/** A workflow's state is one record: what workers report may not grow it past the outputs limit. */
class WorkflowSizeLimitTest {
    private static final long LIMIT = 1_000;
    private static final String WITHIN = "x".repeat(400); // 402 bytes in JSON
    private static final EngineSettings SETTINGS = EngineSettings.DEFAULTS.withMaxOutputsBytes(LIMIT);

    private final EngineDriver run = new EngineDriver(SETTINGS);

    /** a, b and c run side by side and feed d; each declares an output. */
    private static Graph threeProducers() {
        return Graphs.builder().node("a").outputs("out").node("b").outputs("out").node("c").outputs("out")
                .node("d", "shell", "./d.sh", "get_attribute a:out").edge("a", "d").edge("b", "d").edge("c", "d").sparse();
    }

    @Test
    void aSuccessThatWouldTakeTheWorkflowsOutputsOverTheLimitFailsItsNodeAndKeepsNoOutput() {
        run.submit(threeProducers());
        run.succeeded("a", Map.of("out", WITHIN));
        run.succeeded("b", Map.of("out", WITHIN));

        Decision over = run.succeeded("c", Map.of("out", WITHIN));

        Node c = run.state.node(run.id("c"));
        assertThat(c.state()).isEqualTo(State.FAILURE);
        assertThat(c.output()).containsEntry("out", "");
        assertThat(c.exitCode()).as("the process itself succeeded").isZero();
        assertThat(c.message()).contains("402 bytes", "1206 bytes", "limit of 1000", "max-workflow-outputs-size");
        assertThat(over.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(WorkflowEvent.NodeChanged.class,
                changed -> assertThat(changed.node().message()).contains("limit of 1000")));
        assertThat(run.stateOf("d")).isEqualTo(State.NOTRUNNABLE);
        assertThat(run.state.state()).isEqualTo(State.FAILURE);
        assertThat(run.state.node(run.id("a")).output()).as("outputs within the limit stay").containsEntry("out", WITHIN);
        assertThat(run.state.outputBytes()).isEqualTo(804);
    }

    @Test
    void theSameReportAgainChangesNothing() {
        run.submit(threeProducers());
        run.succeeded("a", Map.of("out", WITHIN));
        run.succeeded("b", Map.of("out", WITHIN));
        NodeEvent.Succeeded over = run.succeededEvent(run.id("c"), 1, Map.of("out", WITHIN));
        run.apply(over);
        Graph after = run.state.toGraph();

        assertThat(run.apply(over).changed()).isFalse();
        assertThat(run.state.toGraph()).isEqualTo(after);
    }

    @Test
    void anOverLimitSuccessIsRetriedAsAFailureIsAndMayThenFit() {
        Graph graph = threeProducers();
        graph = graph.withNodes(graph.nodes().stream()
                .map(n -> n.name().equals("c") ? n.withRetry(new RetryPolicy(2, 1.0, 1.0, 1.0)) : n).toList());
        run.submit(graph);
        run.succeeded("a", Map.of("out", WITHIN));
        run.succeeded("b", Map.of("out", WITHIN));
        run.succeeded("c", Map.of("out", WITHIN));
        assertThat(run.stateOf("c")).as("waiting for its retry").isEqualTo(State.TORUN);

        run.advance(Duration.ofSeconds(2));
        run.succeeded("c", Map.of("out", "small"));

        assertThat(run.stateOf("c")).isEqualTo(State.SUCCESS);
        assertThat(run.stateOf("d")).as("dispatched").isEqualTo(State.TORUN);
    }

    @Test
    void aDispatchWhoseResolvedArgsWouldGoOverTheLimitFailsItsNode() {
        String ref = "get_attribute a:out";
        run.submit(Graphs.builder().node("a").outputs("out").node("b", "shell", "./b.sh", ref, ref, ref).edge("a", "b").sparse());

        Decision d = run.succeeded("a", Map.of("out", WITHIN));

        assertThat(d.commands()).as("three copies of a 402-byte output: 1206 bytes").isEmpty();
        assertThat(run.stateOf("b")).isEqualTo(State.FAILURE);
        assertThat(run.state.node(run.id("b")).message()).contains("args", "1206 bytes", "limit of 1000");
        assertThat(run.state.state()).isEqualTo(State.FAILURE);
    }

    @Test
    void anAbortDropsEveryOutputFailsWhatRunsCancelsTheRestAndHappensOnce() {
        run.submit(threeProducers());
        run.succeeded("a", Map.of("out", WITHIN));
        run.started("b");

        Decision aborted = run.apply(new Abort(EngineDriver.WORKFLOW, "state record too large", run.tick()));

        assertThat(run.state.state()).isEqualTo(State.FAILURE);
        assertThat(run.state.outputBytes()).isZero();
        Node a = run.state.node(run.id("a"));
        assertThat(a.state()).isEqualTo(State.SUCCESS);
        assertThat(a.output()).containsEntry("out", "");
        assertThat(a.message()).isEqualTo("state record too large");
        assertThat(run.stateOf("b")).isEqualTo(State.FAILURE);
        assertThat(run.stateOf("d")).isEqualTo(State.CANCELED);
        assertThat(aborted.kills()).extracting(k -> k.nodeId()).containsExactlyInAnyOrder(run.id("b"), run.id("c"));
        assertThat(aborted.events()).contains(new WorkflowEvent.WorkflowChanged(EngineDriver.WORKFLOW, State.FAILURE, run.now()));

        assertThat(run.apply(new Abort(EngineDriver.WORKFLOW, "again", run.tick())).changed()).isFalse();
    }

    @Test
    void theOutputsOfAStateReadBackAreCountedAgain() {
        run.submit(threeProducers());
        run.succeeded("a", Map.of("out", WITHIN));

        assertThat(WorkflowState.of(run.state.toGraph()).outputBytes()).isEqualTo(402);
    }
}
