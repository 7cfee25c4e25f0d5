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
import org.gorchestrator.client.GorchClient;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.KafkaBroker;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A system of this test class's own (test-support's {@link GorchSystem}: API, conductor and workers as Spring contexts on
 * the shared test broker), talked to over real HTTP through the typed {@link GorchClient}.
 */
final class Gorch implements AutoCloseable {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private final GorchSystem system;
    /** Raw HTTP only for what the typed client hides on purpose: statuses and headers under test, /actuator paths. */
    private final HttpClient http = HttpClient.newHttpClient();
    private GorchClient client;

    /** @param shared properties every context of this system gets, e.g. {@code gorch.kafka.pools=gpu} */
    Gorch(Path dataDir, String... shared) {
        this(new GorchSystem(dataDir, shared));
    }

    Gorch(GorchSystem system) {
        this.system = system;
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

    /** Where the API (and the console) listens, e.g. http://127.0.0.1:41234. */
    String baseUrl() {
        return system.baseUrl();
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

    /** The typed client of this system's API; created once the API has started, as its port is known only then. */
    synchronized GorchClient client() {
        if (client == null) {
            client = GorchClient.create(URI.create(system.baseUrl()));
        }
        return client;
    }

    String submit(String json) {
        return client().submit(json).id();
    }

    Graph get(String id) {
        return client().get(id);
    }

    Graph awaitFinished(String id, Duration atMost) {
        return client().awaitFinished(id, atMost);
    }

    void cancel(String id) {
        client().cancel(id);
    }

    void rerun(String id) {
        client().rerun(id);
    }

    String logs(String id, String node) {
        return client().logs(id, node);
    }

    /** The lines of a node's live log (Server-Sent Events) as they arrive, until the log is complete. */
    List<String> followLogs(String id, String node) {
        List<String> lines = new ArrayList<>();
        client().followLogs(id, node, line -> lines.add(line.text()));
        return lines;
    }

    /**
     * A raw POST of a document, for tests of the HTTP exchange itself (the status of a bad document, Idempotency-Key's
     * 202/200/409, a traceparent header), which the typed client deliberately hides.
     */
    HttpResponse<String> post(String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/tasks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** The id in a raw POST's 202 answer. */
    static String acceptedId(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            throw new AssertionError("POST answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body()).get("id").asString();
    }

    /** A raw GET of a path outside the API, e.g. {@code /actuator/prometheus}, which the client does not speak. */
    HttpResponse<String> getPath(String path) {
        return send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).GET().build());
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
