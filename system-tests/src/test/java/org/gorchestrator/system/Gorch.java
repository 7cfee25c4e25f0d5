package org.gorchestrator.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.KafkaBroker;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A system of this test class's own (test-support's {@link GorchSystem}: API, conductor and workers as Spring contexts on
 * the shared test broker), talked to over real HTTP.
 */
final class Gorch implements AutoCloseable {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private final GorchSystem system;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param shared properties every context of this system gets, e.g. {@code gorch.kafka.pools=gpu} */
    Gorch(Path dataDir, String... shared) {
        this.system = new GorchSystem(dataDir, shared);
    }

    /** API + conductor + worker in one context, as the standalone launcher runs them. */
    Gorch all(String workerId) {
        system.all(workerId);
        return this;
    }

    Gorch apiAndWorker(String workerId) {
        system.apiAndWorker(workerId);
        return this;
    }

    Gorch apiAndConductor() {
        system.apiAndConductor();
        return this;
    }

    /** The settings a worker in another process needs to join this system. */
    List<String> workerArguments(String workerId) {
        return system.workerArguments(workerId);
    }

    String nodeEventsTopic() {
        return system.nodeEventsTopic();
    }

    String nodeCommandsTopic() {
        return system.nodeCommandsTopic();
    }

    String workflowCommandsTopic() {
        return system.workflowCommandsTopic();
    }

    String workflowEventsTopic() {
        return system.workflowEventsTopic();
    }

    /**
     * The committed records of {@code topic} whose key passes {@code key}, read from the beginning
     * (as the services' consumers do, {@code read_committed}) until {@code done} holds for them.
     */
    static List<ConsumerRecord<String, byte[]>> readCommitted(String topic, Predicate<String> key,
                                                             Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.test(r.key())) {
                        records.add(r);
                    }
                });
                return done.test(records);
            });
            return records;
        }
    }

    ConfigurableApplicationContext conductor() {
        return system.conductor();
    }

    ConfigurableApplicationContext worker(String workerId, String... extra) {
        return system.worker(workerId, extra);
    }

    /** Waits until {@code count} workers share the node-commands partitions, so a burst reaches all of them. */
    void awaitWorkers(int count) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            // Until the first worker joins, the group does not exist and describing it fails: keep asking.
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(workerGroup())).all().get().get(workerGroup());
                return group.members().size() == count
                        && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private String workerGroup() {
        return system.workerGroup();
    }

    HttpResponse<String> post(String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** GET of a path outside the API, e.g. {@code /actuator/prometheus}. */
    HttpResponse<String> getPath(String path) {
        return send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).GET().build());
    }

    HttpResponse<String> delete(String id) {
        return send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks/" + id)).DELETE().build());
    }

    HttpResponse<String> rerun(String id) {
        return send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks/" + id + "/rerun"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> logs(String id, String node) {
        return send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks/" + id + "/nodes/" + node + "/logs")).GET().build());
    }

    /** The live log stream (Server-Sent Events) of a node, as lines read while they arrive. */
    java.util.stream.Stream<String> streamLogs(String id, String node) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks/" + id + "/nodes/" + node + "/logs"))
                .header("Accept", "text/event-stream").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String submit(String json, String... headers) {
        HttpResponse<String> response = post(json, headers);
        if (response.statusCode() != 202) {
            throw new AssertionError("POST answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body()).get("id").asString();
    }

    Graph get(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks/" + id)).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET answered " + response.statusCode() + ": " + response.body());
        }
        return Json.read(response.body(), Graph.class);
    }

    Graph awaitFinished(String id, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> get(id).state().isFinished());
        return get(id);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A test script from src/test/resources/scripts, as an absolute path (run as {@code /bin/sh <script> ...}). */
    static String script(String name) {
        try {
            return Path.of(Gorch.class.getResource("/scripts/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An example from examples/, with its script paths made absolute (tests do not run from the repo root). */
    static String example(String file) {
        try {
            String json = Files.readString(REPO.resolve("examples").resolve(file));
            return json.replace("\"examples/scripts/", "\"" + REPO.resolve("examples/scripts") + "/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        system.close();
    }
}
