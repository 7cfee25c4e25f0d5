package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admission control against the real broker: backlogs are built and drained by hand, since no conductor or worker runs. */
class AdmissionTest extends SmallLimitsApiTest {
    private static final Duration READINGS = Duration.ofSeconds(10);

    @Autowired
    MeterRegistry meters;

    @Test
    void aBacklogOfWorkflowCommandsRefusesSubmissionsUntilTheConductorHasCaughtUp() {
        ApiClient.Response refused = submitUntilRefused(Graphs.seedExampleJson());

        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("7");
        assertThat(refused.json().get("backlog").asString()).isEqualTo("workflow-commands");
        assertThat(refused.json().get("topic").asString()).isEqualTo(topics.workflowCommands());
        assertThat(refused.json().get("group").asString()).isEqualTo(CONDUCTORS);
        assertThat(refused.json().get("lag").asLong()).isGreaterThan(MAX_LAG);
        assertThat(refused.json().get("limit").asLong()).isEqualTo(MAX_LAG);
        assertThat(refused.json().get("detail").asString()).contains("gorch.api.admission.max-workflow-commands-lag");
        assertThat(meters.get("gorch.api.submissions.refused").tag("backlog", "workflow-commands").counter().count()).isPositive();
        assertThat(lagGauge("workflow-commands", topics.workflowCommands())).isGreaterThan(MAX_LAG);
        assertThat(api.get("/v1/tasks?limit=1").status()).as("reads are never refused").isEqualTo(200);

        caughtUp(CONDUCTORS, topics.workflowCommands());

        await().atMost(READINGS).until(() -> submit(Graphs.seedExampleJson()).status() == 202);
    }

    @Test
    void aReplayOfAnAcceptedIdempotencyKeyIsAnsweredAsBeforeDuringABacklog() throws Exception {
        String key = "order-" + UUID.randomUUID();
        try (ConductorEcho ignored = ConductorEcho.start(topics, kafka)) {
            assertThat(submit(key, Graphs.seedExampleJson()).status()).isEqualTo(202);
        }
        submitUntilRefused(Graphs.seedExampleJson());

        ApiClient.Response replay = submit(key, Graphs.seedExampleJson());

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(submit("order-" + UUID.randomUUID(), Graphs.seedExampleJson()).status()).as("a new key is refused").isEqualTo(429);
    }

    @Test
    void aBacklogOfOnePoolsNodeCommandsRefusesOnlyWorkflowsWithNodesInThatPool() throws Exception {
        String gpu = Json.writeString(graph("pool:gpu"));
        String anywhere = Json.writeString(graph("some-host"));
        String gpuCommands = topics.nodeCommandsOfPool("gpu");
        queueNodeCommands(gpuCommands, MAX_LAG + 1);
        await().atMost(READINGS).until(() -> lagGauge("node-commands", gpuCommands) > MAX_LAG);

        ApiClient.Response refused = submit(gpu);
        ApiClient.Response elsewhere = submit(anywhere);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("backlog").asString()).isEqualTo("node-commands");
        assertThat(refused.json().get("topic").asString()).isEqualTo(gpuCommands);
        assertThat(refused.json().get("group").asString()).isEqualTo(WORKERS);
        assertThat(elsewhere.status()).isEqualTo(202);

        caughtUp(WORKERS, gpuCommands);

        await().atMost(READINGS).until(() -> submit(gpu).status() == 202);
    }

    /** Submits (each accepted one lengthens the backlog) until the reading shows the backlog over its limit. */
    private ApiClient.Response submitUntilRefused(String document) {
        AtomicReference<ApiClient.Response> last = new AtomicReference<>();
        await().atMost(READINGS).pollInterval(Duration.ofMillis(50)).until(() -> {
            last.set(submit(document));
            return last.get().status() != 202;
        });
        assertThat(last.get().status()).isEqualTo(429);
        return last.get();
    }

    private ApiClient.Response submit(String document) {
        return api.postJson("/v1/tasks", document);
    }

    private ApiClient.Response submit(String key, String document) {
        return api.send(api.request("/v1/tasks").header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(document)));
    }

    private double lagGauge(String backlog, String topic) {
        return meters.get("gorch.api.backlog.records").tag("backlog", backlog).tag("topic", topic).gauge().value();
    }

    /** Node commands as the conductor sends them; what they say does not matter here, only that they wait. */
    private static void queueNodeCommands(String topic, int count) throws InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "w" + i + "/0", "{}")).get();
            }
        }
    }

    private static Graph graph(String target) {
        return Graph.of("one node", List.of(0), List.of(Node.of(0, "a", "nil", null, List.of()).withTarget(target)));
    }
}
