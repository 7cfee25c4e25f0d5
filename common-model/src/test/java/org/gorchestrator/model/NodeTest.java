package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gorchestrator.test.NodeTestBuilder.aNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gorchestrator.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-05-01T10:00:05Z");

    private static NodeDefinition declaring(String... outputs) {
        return aNode(0, "d").engine("toscassh", "./script.sh").outputs(outputs).definition();
    }

    @Test
    void nullsBecomeDefaults() {
        Node n = Json.read("{\"id\": 4, \"engine\": \"  \", \"args\": [\"a\", null], \"output\": {\"ip\": null}}", Node.class);

        assertThat(n.state()).isEqualTo(State.INITIAL);
        assertThat(n.engine()).isEqualTo(Node.NIL_ENGINE);
        assertThat(n.args()).containsExactly("a", "");
        assertThat(n.output()).containsEntry("ip", "");
        assertThat(n.attempt()).isZero();
        assertThat(n.displayName()).isEqualTo("4");
    }

    @Test
    void finishedKeepsOnlyDeclaredOutputs() {
        NodeDefinition d = declaring("ip");
        NodeRun done = NodeRun.FIRST_PASS.dispatched(T1)
                .finished(State.SUCCESS, T0, T1, 0, null, "w", d.captured(Map.of("ip", "1.2.3.4", "secret", "x")));

        Node shown = Node.of(d, done);
        assertThat(shown.output()).containsExactly(Map.entry("ip", "1.2.3.4"));
        assertThat(shown.startDate()).isEqualTo(T0);
        assertThat(shown.stopDate()).isEqualTo(T1);
        assertThat(shown.worker()).isEqualTo("w");
        assertThat(shown.attempts()).containsExactly(new Attempt(1, State.SUCCESS, T0, T1, 0, null, "w"));
    }

    @Test
    void finishedKeepsTheStartDateOfTheStartedEvent() {
        NodeRun.Finished done = NodeRun.FIRST_PASS.dispatched(T1).started(T0, "w1", T1).finished(State.FAILURE, T1, T1, 2, "boom", null, null);

        assertThat(done.startDate()).isEqualTo(T0);
        assertThat(done.worker()).as("keeps the worker that started it").isEqualTo("w1");
        assertThat(done.exitCode()).isEqualTo(2);
    }

    @Test
    void aNewAttemptClearsThePreviousResultsIncludingOutputValues() {
        NodeDefinition d = declaring("ip");
        NodeRun.Finished failed = NodeRun.FIRST_PASS.dispatched(T1).finished(State.FAILURE, T0, T1, 1, "boom", "w", d.captured(Map.of("ip", "stale")));

        Node again = Node.of(d, failed.retrying(T1).dispatched(T1));

        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.state()).isEqualTo(State.TORUN);
        assertThat(again.output()).containsExactly(Map.entry("ip", ""));
        assertThat(again.startDate()).isNull();
        assertThat(again.stopDate()).isNull();
        assertThat(again.exitCode()).isNull();
        assertThat(again.message()).isNull();
        assertThat(again.worker()).isNull();
        assertThat(again.retries()).isEqualTo(1);
    }

    @Test
    void aRetryWaitShowsTheFailedAttemptUntilTheNextDispatch() {
        NodeRun.Waiting waiting = NodeRun.FIRST_PASS.dispatched(T1).finished(State.FAILURE, T0, T1, 1, "boom", "w", null).retrying(T1);

        Node shown = Node.of(declaring(), waiting);

        assertThat(shown.state()).isEqualTo(State.TORUN);
        assertThat(shown.exitCode()).isEqualTo(1);
        assertThat(shown.message()).isEqualTo("boom; retry 1 at " + T1);
        assertThat(shown.retryAt()).isEqualTo(T1);
        assertThat(shown.isInFlight()).isFalse();
    }

    @Test
    void definitionDropsEverythingARunAdded() {
        NodeDefinition d = declaring("ip").withTarget("h1").withTimeout(9);
        Node ran = Node.of(d, NodeRun.FIRST_PASS.dispatched(T1).finished(State.SUCCESS, T0, T1, 0, null, "w", d.captured(Map.of("ip", "1.2.3.4"))));

        assertThat(ran.toDefinition()).isEqualTo(d);
        assertThat(ran.definition()).isEqualTo(Node.of(d, NodeRun.INITIAL));
        assertThat(ran.firstPass()).isEqualTo(Node.of(d, NodeRun.FIRST_PASS));
    }

    static Stream<NodeRun> runs() {
        NodeRun.Dispatched queued = NodeRun.FIRST_PASS.dispatched(T1);
        NodeRun.Finished failed = queued.started(T0, "w", T1).finished(State.FAILURE, null, T1, 3, "boom", null, null);
        return Stream.of(NodeRun.INITIAL, NodeRun.FIRST_PASS, queued, queued.started(T0, "w", T1), failed, failed.retrying(T1),
                failed.rerun(), queued.closed(State.CANCELED, T1, "canceled"), NodeRun.FIRST_PASS.closed(State.NOTRUNNABLE, T1, "no"),
                queued.finished(State.SUCCESS, T0, T1, 0, null, "w", declaring("ip").captured(Map.of("ip", "1.2.3.4"))));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void theDocumentsNodeReadsBackAsItsDefinitionAndRun(NodeRun run) {
        NodeDefinition d = declaring("ip");
        Node shown = Json.read(Json.write(Node.of(d, run)), Node.class);

        assertThat(shown.toDefinition()).isEqualTo(d);
        assertThat(shown.toRun()).isEqualTo(run);
        assertThat(shown.isInFlight()).isEqualTo(run.isInFlight());
    }

    @Test
    void aFinishedNodeCannotBeClosedAgain() {
        NodeRun.Finished done = NodeRun.FIRST_PASS.closed(State.CANCELED, T1, "canceled");

        assertThatThrownBy(() -> done.closed(State.NOTRUNNABLE, T1, "no")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void rendersThatDoNotTouchOutputsShareThem() {
        NodeDefinition d = declaring("ip", "network");
        NodeRun.Dispatched dispatched = NodeRun.FIRST_PASS.dispatched(T1);
        NodeRun done = dispatched.started(T0, "w", T1).finished(State.SUCCESS, T0, T1, 0, null, "w", d.captured(Map.of("ip", "1.2.3.4")));

        assertThat(Node.of(d, dispatched).output()).as("the declared names").isSameAs(d.output());
        assertThat(Node.of(d.withTimeout(5), done).output()).isSameAs(done.outputs());
        assertThat(Node.of(d, done).output()).containsExactly(Map.entry("ip", "1.2.3.4"), Map.entry("network", ""));
        assertThat(Node.of(d, done.rerun().dispatched(T1)).output()).containsExactly(Map.entry("ip", ""), Map.entry("network", ""));
    }

    @Test
    void outputsKeepTheirOrderHoldNoNullAndCannotBeChanged() {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("z", null);
        declared.put("a", "x");
        Node node = Node.of(0, "n", "shell", "true", List.of()).withOutput(declared);
        Map<String, String> reported = new HashMap<>();
        reported.put("z", null);

        assertThat(node.output()).as("a definition keeps the names only").containsExactly(Map.entry("z", ""), Map.entry("a", ""));
        NodeRun done = NodeRun.FIRST_PASS.dispatched(T1).finished(State.SUCCESS, T0, T1, 0, null, "w", node.toDefinition().captured(reported));
        assertThat(Node.of(node.toDefinition(), done).output()).containsExactly(Map.entry("z", ""), Map.entry("a", ""));
        assertThatThrownBy(() -> node.output().put("b", "y")).isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> read = Json.read("{\"id\": 0, \"output\": {\"z\": null, \"a\": \"x\"}}", Node.class).output();
        assertThat(read).containsExactly(Map.entry("z", ""), Map.entry("a", "x"));
        assertThat(read).isEqualTo(Map.of("z", "", "a", "x")).hasSameHashCodeAs(Map.of("z", "", "a", "x"));
    }
}
