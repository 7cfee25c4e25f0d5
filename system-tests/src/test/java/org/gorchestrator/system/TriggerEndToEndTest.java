package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.gorchestrator.json.Json;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Triggers on a real broker: a record another system produces with a plain Kafka producer starts a run of a template
 * with inputs taken from the record, a record the filter refuses (or that is no JSON) starts nothing, and a trigger on
 * the workflow events chains a second template after each successful run of the first.
 */
@ExtendWith(KafkaBroker.class)
class TriggerEndToEndTest {
    private static final String GREET = """
            {"name": "greet", "digraph": [0], "inputs": {"who": {"required": true}},
             "nodes": [{"id": 0, "name": "n", "engine": "nil", "args": ["get_input who"]}]}""";
    private static final String AFTER = """
            {"name": "after", "digraph": [0], "inputs": {"upstream": {"required": true}},
             "nodes": [{"id": 0, "name": "n", "engine": "nil", "args": ["get_input upstream"]}]}""";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aProducedRecordStartsARunAFilteredOneDoesNotAndAFinishedRunStartsTheNextTemplate() throws Exception {
        try (GorchSystem system = new GorchSystem(dataDir).all("w1")) {
            String orders = "orders-" + system.submissionsTopic();
            createTopic(orders);
            assertThat(put(system, "/v1/templates/greet", GREET).statusCode()).isEqualTo(201);
            assertThat(put(system, "/v1/templates/after", AFTER).statusCode()).isEqualTo(201);
            HttpResponse<String> onOrders = put(system, "/v1/triggers/on-orders", """
                    {"template": "greet", "topic": "%s", "inputs": {"who": "/customer/name"}, "filter": {"/kind": "new"}}""".formatted(orders));
            assertThat(onOrders.statusCode()).as(onOrders.body()).isEqualTo(201);
            HttpResponse<String> chain = put(system, "/v1/triggers/after-greet", """
                    {"template": "after", "topic": "%s", "inputs": {"upstream": "/subject"},
                     "filter": {"/type": "org.gorchestrator.workflow.finished.v1", "/data/state_name": "success",
                                "/workflow/template/name": "greet"}}""".formatted(system.workflowEventsTopic()));
            assertThat(chain.statusCode()).as(chain.body()).isEqualTo(201);

            try (PlainKafka kafka = new PlainKafka()) { // one key: one partition, read in this order
                kafka.send(orders, "k", "{\"kind\": \"old\", \"customer\": {\"name\": \"bob\"}}");
                kafka.send(orders, "k", "not json");
                kafka.send(orders, "k", "{\"kind\": \"new\", \"customer\": {\"name\": \"ada\"}}");
            }

            List<JsonNode> greeted = await().atMost(Duration.ofSeconds(60)).until(() -> runs(system, "greet"), runs -> !runs.isEmpty());
            assertThat(greeted).as("the old order is filtered out, the new one runs once").hasSize(1);
            JsonNode greet = greeted.get(0);
            assertThat(greet.get("template").get("inputs").get("who").asString()).isEqualTo("ada");
            List<JsonNode> chained = await().atMost(Duration.ofSeconds(60)).until(() -> runs(system, "after"), runs -> !runs.isEmpty());
            assertThat(chained).hasSize(1);
            assertThat(chained.get(0).get("template").get("inputs").get("upstream").asString()).isEqualTo(greet.get("id").asString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "success".equals(task(system, chained.get(0).get("id").asString())
                    .path("state_name").asString()));
            Thread.sleep(1000); // the run of 'after' finishing must start nothing: the filter names 'greet'
            assertThat(runs(system, "after")).hasSize(1);
            assertThat(runs(system, "greet")).hasSize(1);
        }
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
    }

    /** The runs of the template (by the document's name), each as GET /v1/tasks/{id} shows it. */
    private List<JsonNode> runs(GorchSystem system, String name) throws Exception {
        JsonNode list = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks?name=" + name))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode summary : list.get("tasks")) {
            if (name.equals(summary.get("name").asString())) {
                runs.add(task(system, summary.get("id").asString()));
            }
        }
        return runs;
    }

    private static JsonNode task(GorchSystem system, String id) throws Exception {
        return KafkaSubmissionEndToEndTest.task(system, id);
    }

    private HttpResponse<String> put(GorchSystem system, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
