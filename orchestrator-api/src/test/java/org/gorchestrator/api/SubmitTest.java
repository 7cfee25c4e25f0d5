package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import org.gorchestrator.api.tasks.WorkflowIds;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SubmitTest extends ApiIntegrationTest {
    private static final int OVER_ONE_MEGABYTE = 1024 * 1024 + 16;

    @Test
    void theSeedExampleIsAcceptedAndSubmittedToTheConductor() {
        ApiClient.Response response = api.postJson("/v1/tasks", Graphs.seedExampleJson());

        assertThat(response.status()).isEqualTo(202);
        String id = response.json().get("id").asString();
        assertThat(WorkflowIds.isWellFormed(id)).isTrue();
        assertThat(response.header("Location")).isEqualTo("/v1/tasks/" + id);
        List<WorkflowCommand> commands = kafka.commandsFor(id);
        assertThat(commands).hasSize(1).first().isInstanceOf(WorkflowCommand.Submit.class);
        Graph submitted = ((WorkflowCommand.Submit) commands.get(0)).graph();
        Graph seed = Graphs.seedExample();
        assertThat(submitted.id()).isEqualTo(id);
        assertThat(submitted.digraph()).isEqualTo(seed.digraph());
        assertThat(submitted.nodes()).extracting(Node::name, Node::engine, Node::args)
                .isEqualTo(seed.nodes().stream().map(n -> org.assertj.core.groups.Tuple.tuple(n.name(), n.engine(), n.args())).toList());
    }

    @Test
    void aReadRightAfterTheSubmitFindsTheWorkflow() {
        String id = api.postJson("/v1/tasks", Graphs.seedExampleJson()).json().get("id").asString();

        ApiClient.Response read = api.get("/v1/tasks/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asString()).isEqualTo(id);
        assertThat(read.json().get("name").asString()).isEqualTo("Valid");
        assertThat(read.json().get("state").asInt()).isEqualTo(State.INITIAL.code());
        assertThat(read.json().get("nodes")).hasSize(8);
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        JsonNode problem = badRequest("{\n  \"name\": \"broken\",\n  \"nodes\": [ {\"id\": 0,} ]\n}");

        assertThat(problem.get("detail").asString()).contains("malformed JSON").contains("line 3, column");
        assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("nodes[0]");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheNearestKnownOne() {
        JsonNode problem = badRequest("{\"name\": \"x\", \"nodes\": [{\"id\": 0, \"engine\": \"sleep\", \"tmeout\": 3}]}");

        assertThat(violation(problem, "nodes[0].tmeout")).startsWith("unknown field; did you mean `timeout`?");
        assertThat(problem.get("detail").asString()).doesNotContain("Unrecognized", "class", "org.gorchestrator");
    }

    @Test
    void aSleepArgThatIsNotADurationIsRefusedAtSubmit() {
        JsonNode problem = badRequest("{\"name\": \"x\", \"nodes\": [{\"id\": 0, \"name\": \"nap\", \"engine\": \"sleep\", \"args\": [\"PT1S\"]}]}");

        assertThat(violation(problem, "nodes[0].args[0]")).contains("node nap (engine sleep)", "'PT1S' is not a duration");
    }

    @Test
    void nodesOfTheWrongTypeAreNamed() {
        JsonNode problem = badRequest("{\"name\": \"x\", \"digraph\": [0], \"nodes\": 5}");

        assertThat(violation(problem, "nodes")).contains("must be an array");
    }

    @Test
    void aDocumentWhoseStateWouldNotFitARecordIsRejectedNamingTheLimitAndItsSize() {
        String body = org.gorchestrator.json.Json.writeString(Graphs.chain(600, Graphs.nil()));
        assertThat(body.length()).as("the body itself is small").isLessThan(MAX_DOCUMENT_SIZE / 2);

        JsonNode problem = badRequest(body);

        assertThat(violation(problem, "nodes")).containsPattern("state would take \\d+ bytes once its 600 nodes ran")
                .contains("limit of " + MAX_DOCUMENT_SIZE + " bytes", "max-document-size");
        assertThat(problem.get("detail").asString()).contains("max-document-size");
    }

    @Test
    void aCycleIsRejectedNamingItsNodes() {
        Graph cycle = Graph.of("cycle", List.of(0, 1, 0, 0, 0, 1, 1, 0, 0), List.of(
                Node.of(0, "a", "nil", null, List.of()), Node.of(1, "b", "nil", null, List.of()), Node.of(2, "c", "nil", null, List.of())));

        JsonNode problem = badRequest(org.gorchestrator.json.Json.writeString(cycle));

        assertThat(violation(problem, "digraph")).contains("cycle").contains("a -> b -> c -> a");
    }

    @Test
    void aMatrixThatIsNotSquareIsRejected() {
        Graph graph = Graph.of("not square", List.of(0, 1, 0), List.of(
                Node.of(0, "a", "nil", null, List.of()), Node.of(1, "b", "nil", null, List.of())));

        JsonNode problem = badRequest(org.gorchestrator.json.Json.writeString(graph));

        assertThat(violation(problem, "digraph")).contains("3 entries").contains("2×2");
    }

    @Test
    void anUnknownEngineIsRejected() {
        Graph graph = Graph.of("teleport", List.of(0), List.of(Node.of(0, "a", "teleport", "x", List.of())));

        JsonNode problem = badRequest(org.gorchestrator.json.Json.writeString(graph));

        assertThat(violation(problem, "nodes[0].engine")).contains("unknown engine 'teleport'");
    }

    @Test
    void anEmptyBodyIsRejected() {
        assertThat(violation(badRequest(""), "body")).contains("empty");
    }

    @Test
    void aBodyOverTheLimitIsRejectedWhenItsLengthIsAnnounced() {
        ApiClient.Response response = api.postJson("/v1/tasks", oversizedDocument());

        assertProblem(response, 413);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRejected() {
        byte[] body = oversizedDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ApiClient.Response response = api.postChunked("/v1/tasks", () -> new ByteArrayInputStream(body));

        assertProblem(response, 413);
    }

    @Test
    void anotherMediaTypeIsRejected() {
        ApiClient.Response response = api.post("/v1/tasks", "text/plain", HttpRequest.BodyPublishers.ofString(Graphs.seedExampleJson()));

        assertProblem(response, 415);
    }

    @Test
    void anotherMethodIsRejected() {
        ApiClient.Response response = api.send(api.request("/v1/tasks").PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 405);
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertProblem(api.get("/v1/nothing-here"), 404);
    }

    private JsonNode badRequest(String body) {
        ApiClient.Response response = api.postJson("/v1/tasks", body);
        assertProblem(response, 400);
        return response.json();
    }

    private static String violation(JsonNode problem, String field) {
        for (JsonNode violation : problem.get("violations")) {
            if (violation.get("field").asString().equals(field)) {
                return violation.get("message").asString();
            }
        }
        throw new AssertionError("no violation of " + field + " in " + problem);
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    private static String oversizedDocument() {
        return "{\"name\": \"" + "x".repeat(OVER_ONE_MEGABYTE) + "\", \"digraph\": [0], \"nodes\": [{\"id\": 0}]}";
    }
}
