package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gorchestrator.api.tasks.WorkflowIds;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class IdempotencyTest extends ApiIntegrationTest {

    @Test
    void theSameKeyAndDocumentTwiceSubmitOnceAndAnswerTheSameId() throws Exception {
        String key = newKey();
        try (ConductorEcho ignored = ConductorEcho.start(topics, kafka)) {
            ApiClient.Response first = submit(key, Graphs.seedExampleJson());
            ApiClient.Response repeat = submit(key, reordered(Graphs.seedExampleJson()));

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.header("Idempotent-Replayed")).isNull();
            String id = first.json().get("id").asString();
            assertThat(id).isEqualTo(WorkflowIds.forIdempotencyKey(key));
            assertThat(repeat.status()).isEqualTo(200);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.header("Location")).isEqualTo("/v1/tasks/" + id);
            assertThat(repeat.json().get("id").asString()).isEqualTo(id);
            assertThat(kafka.commandsFor(id)).singleElement().isInstanceOfSatisfying(WorkflowCommand.Submit.class, submit -> {
                assertThat(submit.graph().idempotencyKey()).isEqualTo(key);
                assertThat(submit.graph().digest()).matches("[0-9a-f]{64}");
            });
            assertThat(api.get("/v1/tasks/" + id).json().get("idempotency_key").asString()).isEqualTo(key);
        }
    }

    @Test
    void theSameKeyWithAnotherDocumentIsAConflict() throws Exception {
        String key = newKey();
        try (ConductorEcho ignored = ConductorEcho.start(topics, kafka)) {
            String id = submit(key, Graphs.seedExampleJson()).json().get("id").asString();

            ApiClient.Response other = submit(key, Json.writeString(Graphs.seedExample().withTimeout(60)));

            assertThat(other.status()).isEqualTo(409);
            assertThat(other.contentType()).startsWith("application/problem+json");
            assertThat(other.json().get("detail").asString()).contains(key).contains(id);
            assertThat(other.json().get("idempotency_key").asString()).isEqualTo(key);
            assertThat(kafka.commandsFor(id)).hasSize(1);
        }
    }

    @Test
    void withoutAConductorToConfirmTheSubmissionIsUnconfirmedAndSafeToRepeat() {
        String key = newKey();

        ApiClient.Response response = submit(key, Graphs.seedExampleJson());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(response.json().get("detail").asString()).contains("same Idempotency-Key");
        String id = WorkflowIds.forIdempotencyKey(key);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
        assertThat(kafka.commandsFor(id)).singleElement().isInstanceOf(WorkflowCommand.Submit.class);

        ApiClient.Response repeat = submit(key, Graphs.seedExampleJson());

        assertThat(repeat.status()).isEqualTo(503);
        assertThat(kafka.commandsFor(id)).as("the broker has the first: the repeat waits for it, sends nothing")
                .singleElement().isInstanceOf(WorkflowCommand.Submit.class);
    }

    @Test
    void anInvalidKeyIsRejectedAndNothingIsSubmitted() {
        for (String key : List.of("", "has space", "slash/ed", "x".repeat(201))) {
            ApiClient.Response response = submit(key, Graphs.seedExampleJson());

            assertThat(response.status()).as("'%s'", key).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("violations").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(kafka.commandsFor(WorkflowIds.forIdempotencyKey(key))).isEmpty();
        }
    }

    @Test
    void aKeyOfTheLongestFormIsAccepted() throws Exception {
        String key = "Aa0._:-" + UUID.randomUUID().toString().replace("-", "").repeat(7).substring(0, 193);
        try (ConductorEcho ignored = ConductorEcho.start(topics, kafka)) {
            assertThat(submit(key, Graphs.seedExampleJson()).status()).isEqualTo(202);
        }
    }

    private ApiClient.Response submit(String key, String document) {
        return api.send(api.request("/v1/tasks").header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(document)));
    }

    private static String newKey() {
        return "order-" + UUID.randomUUID();
    }

    /** The same document with every object's fields in reverse order, pretty-printed. */
    private static String reordered(String document) {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reverse(Json.mapper().readTree(document)));
    }

    private static JsonNode reverse(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(reverse(item)));
            return Json.mapper().createArrayNode().addAll(items);
        }
        if (!node.isObject()) {
            return node;
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        Collections.reverse(fields);
        ObjectNode reversed = Json.mapper().createObjectNode();
        fields.forEach(field -> reversed.set(field.getKey(), reverse(field.getValue())));
        return reversed;
    }
}
