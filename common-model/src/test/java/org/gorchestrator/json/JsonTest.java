package org.gorchestrator.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gorchestrator.test.NodeTestBuilder.aNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.NodeRun;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;
import org.gorchestrator.model.Submitter;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.NodeTestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class JsonTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-05-01T10:00:07.250Z");

    @Test
    void seedExampleParsesAsIs() {
        Graph g = Graphs.seedExample();

        assertThat(g.name()).isEqualTo("Valid");
        assertThat(g.state()).isEqualTo(State.INITIAL);
        assertThat(g.digraph()).hasSize(64);
        assertThat(g.digraph().subList(0, 8)).containsExactly(0, 1, 0, 0, 1, 0, 0, 0);
        assertThat(g.edges()).isNull();
        assertThat(g.nodes()).extracting(Node::name).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(g.nodes()).extracting(Node::id).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);

        Node a = g.nodes().get(0);
        assertThat(a.engine()).isEqualTo("toscassh");
        assertThat(a.artifact()).isEqualTo("./sleep.sh");
        assertThat(a.target()).isEqualTo("test");
        assertThat(a.args()).as("\"args\": null").isEmpty();
        assertThat(a.output()).as("\"output\": null").isEmpty();

        assertThat(g.nodes().get(2).args()).containsExactly("ip_address=get_attribute d:ip_address");
        assertThat(g.nodes().get(3).output()).containsOnlyKeys("network", "ip_address");
        assertThat(g.nodes().get(3).output().keySet()).as("declared order kept").containsExactly("network", "ip_address");
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        String json = """
                {"name": "g", "colour": "red", "meta": {"x": [1, 2]},
                 "digraph": [0], "nodes": [{"id": 0, "name": "a", "engine": "nil", "shoe_size": 42, "extra": null}]}
                """;

        Graph g = Json.read(json, Graph.class);

        assertThat(g.name()).isEqualTo("g");
        assertThat(g.nodes()).singleElement().satisfies(n -> assertThat(n.name()).isEqualTo("a"));
    }

    @Test
    void trailingGarbageIsRejected() {
        assertThatThrownBy(() -> Json.read("{\"name\": \"g\"} {", Graph.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void statesAreReadFromCodesDigitStringsAndNames() {
        assertThat(stateOf("3")).isEqualTo(State.SUCCESS);
        assertThat(stateOf("\"3\"")).isEqualTo(State.SUCCESS);
        assertThat(stateOf("\"notrunnable\"")).isEqualTo(State.NOTRUNNABLE);
        assertThat(stateOf("\"CANCELED\"")).isEqualTo(State.CANCELED);
        assertThat(stateOf("10")).isEqualTo(State.TIMEOUT);
        assertThat(stateOf("null")).isEqualTo(State.INITIAL);
        assertThatThrownBy(() -> stateOf("7")).isInstanceOf(JacksonException.class).hasMessageContaining("unknown state code 7");
        assertThatThrownBy(() -> stateOf("\"sleeping\"")).isInstanceOf(JacksonException.class).hasMessageContaining("sleeping");
    }

    private static State stateOf(String stateJson) {
        return Json.read("{\"state\": " + stateJson + ", \"nodes\": []}", Graph.class).state();
    }

    @Test
    void stateIsWrittenAsItsCodeWithStateNameBeside() {
        Graph g = Graphs.builder().node("a").sparse().withRun(State.NOTRUNNABLE, T0, T1, null);
        g = g.withNodes(List.of(aNode(0, "a").running(T0).build()));

        JsonNode tree = Json.mapper().readTree(Json.write(g));

        assertThat(tree.get("state").isInt()).isTrue();
        assertThat(tree.get("state").asInt()).isEqualTo(5);
        assertThat(tree.get("state_name").asString()).isEqualTo("notrunnable");
        assertThat(tree.get("start_date")).isNotNull();
        assertThat(tree.get("nodes").get(0).get("state").asInt()).isEqualTo(2);
        assertThat(tree.get("nodes").get(0).get("state_name").asString()).isEqualTo("running");
    }

    @Test
    void stateNameIsNotReadBack() {
        Graph g = Json.read("{\"state\": 3, \"state_name\": \"failure\", \"nodes\": []}", Graph.class);

        assertThat(g.state()).isEqualTo(State.SUCCESS);
    }

    @Test
    void seedExampleRoundTrips() {
        Graph seed = Graphs.seedExample();

        assertThat(Json.read(Json.write(seed), Graph.class)).isEqualTo(seed);
    }

    @Test
    void graphWithEveryFieldSetRoundTrips() {
        NodeTestBuilder a = aNode(0, "a").engine("shell", "/bin/true", "x", "y=1").target("host-1").outputs("ip", "net").timeout(30)
                .retry(new RetryPolicy(3, 0.5, 2.0, 10.0));
        NodeRun.Waiting retrying = NodeRun.FIRST_PASS.dispatched(T1).finished(State.FAILURE, T0, T0, 1, "boom", "worker-7", null).retrying(T1);
        Node ran = a.run(retrying.dispatched(T1).started(T0, "worker-7", T1)
                .finished(State.SUCCESS, T0, T1, 0, "done", "worker-7", a.definition().captured(Map.of("ip", "10.0.0.1")))).build();
        Node waiting = aNode(1, "b").engine("sleep", null).run(retrying).build();
        Node running = aNode(2, "c").running(T0).build();
        Graph g = new Graph("wf-1", "full", State.RUNNING, null, List.of(List.of(0, 1)), List.of(ran, waiting, running), 600, T0, null, T1, "key-1", "abc",
                new Submitter("alice", "ci-client"), null);

        Graph back = Json.read(Json.writeString(g), Graph.class);

        assertThat(back).isEqualTo(g);
        assertThat(back.nodes().get(0).startDate()).isEqualTo(T0);
        assertThat(back.nodes().get(0).output().keySet()).containsExactly("ip", "net");
    }

    static Stream<Arguments> messages() {
        Graph graph = Graphs.builder().node("a").node("b").edge("a", "b").dense().withId("wf-1");
        Node node = aNode(1, "b").dispatched(T1).build();
        return Stream.of(
                Arguments.of(new NodeEvent.Started("wf-1", 1, 2, "w1", T0), NodeEvent.class, "started"),
                Arguments.of(new NodeEvent.Succeeded("wf-1", 1, 2, "w1", 0, Map.of("ip", "10.0.0.1"), T0, T1), NodeEvent.class, "succeeded"),
                Arguments.of(new NodeEvent.Failed("wf-1", 1, 2, "w1", null, "no such artifact", null, T1), NodeEvent.class, "failed"),
                Arguments.of(new NodeEvent.Failed("wf-1", 1, 2, "w1", 127, "exit 127", T0, T1), NodeEvent.class, "failed"),
                Arguments.of(new WorkflowCommand.Submit("wf-1", graph, T0), WorkflowCommand.class, "submit"),
                Arguments.of(new WorkflowCommand.Cancel("wf-1", "user asked", T0), WorkflowCommand.class, "cancel"),
                Arguments.of(new WorkflowEvent.Submitted("wf-1", graph, T0), WorkflowEvent.class, "workflow.submitted"),
                Arguments.of(new WorkflowEvent.NodeChanged("wf-1", node, T0), WorkflowEvent.class, "node.changed"),
                Arguments.of(new WorkflowEvent.WorkflowChanged("wf-1", State.FAILURE, T1), WorkflowEvent.class, "workflow.changed"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("messages")
    void messageRoundTripsThroughItsBaseTypeWithTypeDiscriminator(Object message, Class<?> baseType, String type) {
        byte[] bytes = Json.write(message);

        assertThat(Json.mapper().readTree(bytes).get("type").asString()).isEqualTo(type);
        Object back = Json.read(bytes, baseType);
        assertThat(back).isInstanceOf(message.getClass()).isEqualTo(message);
    }

    @Test
    void unknownMessageTypeIsRejected() {
        assertThatThrownBy(() -> Json.read("{\"type\": \"exploded\", \"workflowId\": \"w\"}", NodeEvent.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void nodeCommandRoundTrips() {
        NodeCommand command = new NodeCommand("wf-1", 3, 1, "d", "toscassh", "./script.sh", List.of("ip_address=10.0.0.1"),
                "test", List.of("network", "ip_address"), 60, T0);

        assertThat(Json.read(Json.write(command), NodeCommand.class)).isEqualTo(command);
    }
}
