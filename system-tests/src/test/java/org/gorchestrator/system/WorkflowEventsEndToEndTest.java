package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.kafka.events.EventType;
import org.gorchestrator.kafka.events.WorkflowReplay;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;
import org.gorchestrator.test.EventSchemas;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * gorch.workflow-events as other systems read it: a real workflow with a retry and a failing branch
 * publishes CloudEvents that match the committed schemas, and its events alone rebuild what the
 * API shows.
 */
@ExtendWith(KafkaBroker.class)
class WorkflowEventsEndToEndTest {
    private static final Duration AT_MOST = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theEventsOfARealWorkflowAreValidCloudEventsThatReplayToWhatTheApiShows() {
        try (Gorch gorch = new Gorch(dir.resolve("data"))) {
            String topic = gorch.conductor().getBean(Topics.class).workflowEvents();
            gorch.apiAndWorker("worker-events");
            String id = gorch.submit(Json.writeString(graph()));

            List<ConsumerRecord<String, byte[]>> records = readUntilFinished(topic, id);

            assertThat(records).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(id);
                assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                        .isEqualTo("application/cloudevents+json");
                assertThat(EventSchemas.violations(new String(record.value(), StandardCharsets.UTF_8))).isEmpty();
            });
            CloudEventSerde serde = new CloudEventSerde();
            List<WorkflowEvent> events = records.stream().map(r -> serde.deserialize(topic, r.value())).toList();
            assertThat(events).extracting(EventType::of).contains(EventType.WORKFLOW_SUBMITTED, EventType.WORKFLOW_STARTED,
                    EventType.NODE_DISPATCHED, EventType.NODE_STARTED, EventType.NODE_SUCCEEDED, EventType.NODE_FAILED,
                    EventType.NODE_RETRYING, EventType.NODE_NOTRUNNABLE, EventType.WORKFLOW_FINISHED);

            Graph replayed = WorkflowReplay.of(events);
            await().atMost(AT_MOST).untilAsserted(() -> assertThat(replayed).isEqualTo(gorch.get(id)));
            assertThat(replayed.state()).isEqualTo(State.FAILURE);
            assertThat(replayed.nodes()).extracting(Node::state, Node::attempt).containsExactly(
                    tuple(State.SUCCESS, 1),
                    tuple(State.SUCCESS, 2),
                    tuple(State.FAILURE, 1),
                    tuple(State.NOTRUNNABLE, 0));
            assertThat(replayed.nodes().get(0).output()).containsEntry("ip_address", "10.0.0.7");
            assertThat(replayed.nodes().get(2).exitCode()).isEqualTo(3);
        }
    }

    /** provision (outputs an ip) → flaky (fails once, retried); broken (exit 3) → after-broken, never runnable. */
    private Graph graph() {
        Node provision = Node.of(0, "provision", "shell", "/bin/sh", List.of(Gorch.REPO.resolve("examples/scripts/provision.sh").toString()))
                .withOutput(Map.of("ip_address", ""));
        Node flaky = Node.of(1, "flaky", "shell", "/bin/sh",
                        List.of(Gorch.script("flaky.sh"), dir.resolve("flaky.count").toString(), "1", "ip=get_attribute provision:ip_address"))
                .withRetry(new RetryPolicy(2, 0.2, 2.0, 1.0));
        Node broken = Node.of(2, "broken", "shell", "/bin/sh", List.of(Gorch.REPO.resolve("examples/scripts/fail.sh").toString(), "3"));
        Node afterBroken = Node.of(3, "after-broken", "nil", null, List.of());
        return Graph.sparse("events end to end", List.of(List.of(0, 1), List.of(2, 3)), List.of(provision, flaky, broken, afterBroken));
    }

    /** Every committed event of workflow {@code id}, from the start of the topic to its workflow.finished. */
    static List<ConsumerRecord<String, byte[]>> readUntilFinished(String topic, String id) {
        return Gorch.readCommitted(topic, id::equals,
                records -> records.stream().anyMatch(r -> type(r).equals(EventType.WORKFLOW_FINISHED.type())));
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return Json.mapper().readTree(record.value()).path("type").asString("");
    }
}
