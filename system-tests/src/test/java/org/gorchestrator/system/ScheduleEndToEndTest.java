package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.schedule.Schedule;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A schedule firing every second on a real broker, with its conductor stopped and started again in between: every
 * second from the first tick to the last started exactly one run (one submit on the commands topic, read committed),
 * none twice and none lost, whatever the restart cut.
 */
@ExtendWith(KafkaBroker.class)
class ScheduleEndToEndTest {
    private static final String TEMPLATE = """
            {"name": "tick", "digraph": [0], "inputs": {"who": {"default": "cron"}},
             "nodes": [{"id": 0, "name": "n", "engine": "nil", "args": ["get_input who"]}]}""";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aScheduleEverySecondStartsOneRunPerTickAcrossAConductorRestart() throws Exception {
        try (GorchSystem system = new GorchSystem(dataDir).apiAndWorker("w1")) {
            ConfigurableApplicationContext conductor = running(system.conductor());
            assertThat(put(system, "/v1/templates/tick", TEMPLATE).statusCode()).isEqualTo(201);
            HttpResponse<String> stored = put(system, "/v1/schedules/every-second",
                    "{\"template\": \"tick\", \"cron\": \"* * * * * ?\", \"missed\": \"run-all\", \"max_missed_runs\": 100}");
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            Instant from = Instant.parse(Json.mapper().readTree(stored.body()).get("schedule").get("updated").asString());

            Thread.sleep(3000);
            conductor.close();
            Thread.sleep(1500);
            running(system.conductor());
            Thread.sleep(2000);
            HttpResponse<String> paused = post(system, "/v1/schedules/every-second/pause");
            Instant until = Instant.parse(Json.mapper().readTree(paused.body()).get("schedule").get("updated").asString());
            Thread.sleep(1500);

            List<Instant> ticks = firedTicks(system, from, until);
            assertThat(ticks).hasSizeGreaterThanOrEqualTo(5);
            Instant first = ticks.get(0);
            List<Instant> everySecond = new ArrayList<>();
            for (Instant t = first; !t.isAfter(ticks.get(ticks.size() - 1)); t = t.plusSeconds(1)) {
                everySecond.add(t);
            }
            assertThat(ticks).as("one submit per second from the first tick to the last").containsExactlyElementsOf(everySecond);
        }
    }

    /** Waits until the conductor's Streams run: until then a restart's restoring would eat the test's time. */
    private static ConfigurableApplicationContext running(ConfigurableApplicationContext conductor) {
        StreamsBuilderFactoryBean streams = conductor.getBean("&conductorStreams", StreamsBuilderFactoryBean.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        return conductor;
    }

    /** The tick of every submit of the schedule on the commands topic, in order, duplicates kept. */
    private static List<Instant> firedTicks(GorchSystem system, Instant from, Instant until) {
        Map<String, Instant> tickOfId = new HashMap<>();
        for (Instant t = from.truncatedTo(ChronoUnit.SECONDS); !t.isAfter(until.plusSeconds(2)); t = t.plusSeconds(1)) {
            tickOfId.put(Schedule.runId("every-second", t), t);
        }
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Instant> ticks = new ArrayList<>();
        try (KafkaConsumer<String, WorkflowCommand> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                JsonSerde.of(WorkflowCommand.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(system.workflowCommandsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, WorkflowCommand> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof WorkflowCommand.Submit submit && submit.graph().template() != null) {
                        assertThat(tickOfId).as("a run id derived from a tick of the schedule").containsKey(submit.workflowId());
                        ticks.add(tickOfId.get(submit.workflowId()));
                    }
                }
            }
        }
        ticks.sort(null);
        return ticks;
    }

    private HttpResponse<String> put(GorchSystem system, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(GorchSystem system, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
