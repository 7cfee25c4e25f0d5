package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A system that never speaks HTTP: it produces CloudEvents to the submissions topic with a plain Kafka producer and
 * reads what became of them on the workflow events topic. A request delivered twice starts one run.
 */
@ExtendWith(KafkaBroker.class)
class KafkaSubmissionEndToEndTest {
    private static final String SOURCE = "/tests/billing";
    private static final String DOCUMENT = """
            {"name": "from-kafka", "digraph": [0], "nodes": [{"id": 0, "name": "n", "engine": "nil"}]}""";
    private static final String INVALID = """
            {"name": "invalid", "digraph": [0], "nodes": [{"id": 0, "name": "n", "engine": "no-such-engine"}]}""";

    @TempDir
    Path dataDir;

    @Test
    void aSubmissionIsAcceptedOnceHoweverOftenDeliveredAndAnInvalidOneIsRejectedWithItsViolations() throws Exception {
        try (GorchSystem system = new GorchSystem(dataDir).all("w1")) {
            try (PlainKafka kafka = new PlainKafka()) {
                kafka.send(system.submissionsTopic(), "req-ok", PlainKafka.submit("req-ok", SOURCE, "{\"document\": " + DOCUMENT + "}"));
                kafka.send(system.submissionsTopic(), "req-ok", PlainKafka.submit("req-ok", SOURCE, "{\"document\": " + DOCUMENT + "}"));
                kafka.send(system.submissionsTopic(), "req-bad", PlainKafka.submit("req-bad", SOURCE, "{\"document\": " + INVALID + "}"));
            }
            List<JsonNode> events = PlainKafka.readUntil(system.workflowEventsTopic(), all -> outcomes(all, "req-ok").size() == 2
                    && outcomes(all, "req-bad").size() == 1);

            List<JsonNode> accepted = outcomes(events, "req-ok");
            assertThat(accepted).extracting(e -> e.get("type").asString()).containsOnly("org.gorchestrator.submission.accepted.v1");
            String id = accepted.get(0).get("data").get("workflow_id").asString();
            assertThat(accepted.get(1).get("data").get("workflow_id").asString()).isEqualTo(id);
            assertThat(accepted.get(1).get("data").get("replayed").asBoolean()).as("the second delivery finds the first's run").isTrue();
            assertThat(accepted.get(0).get("data").get("request_source").asString()).isEqualTo(SOURCE);

            JsonNode rejected = outcomes(events, "req-bad").get(0);
            assertThat(rejected.get("type").asString()).isEqualTo("org.gorchestrator.submission.rejected.v1");
            assertThat(rejected.get("data").get("status").asInt()).isEqualTo(400);
            assertThat(rejected.get("data").get("violations").get(0).get("field").asString()).isEqualTo("nodes[0].engine");

            await().atMost(Duration.ofSeconds(30)).until(() -> "success".equals(task(system, id).path("state_name").asString()));
            assertThat(task(system, id).get("submitter").get("subject").asString()).isEqualTo(SOURCE);
            List<JsonNode> all = PlainKafka.readUntil(system.workflowEventsTopic(), e -> true);
            assertThat(all).filteredOn(e -> e.get("type").asString().equals("org.gorchestrator.workflow.submitted.v1")
                    && id.equals(e.get("subject").asString())).hasSize(1);
        }
    }

    private static List<JsonNode> outcomes(List<JsonNode> events, String request) {
        return events.stream().filter(e -> e.get("type").asString().startsWith("org.gorchestrator.submission.")
                && request.equals(e.get("data").get("request_id").asString())).toList();
    }

    static JsonNode task(GorchSystem system, String id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks/" + id))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : Json.mapper().createObjectNode();
    }
}
