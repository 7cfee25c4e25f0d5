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
import java.util.UUID;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.KafkaBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts parts of the system as Spring contexts on the shared test broker, each test class with
 * topics of its own, and talks to the API over real HTTP.
 */
final class Gorch implements AutoCloseable {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Path dataDir;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private String baseUrl;

    private final List<String> shared;

    /** @param shared properties every context of this system gets, e.g. {@code gorch.kafka.pools=gpu} */
    Gorch(Path dataDir, String... shared) {
        this.dataDir = dataDir;
        this.shared = List.of(shared);
        KafkaBroker.bootstrapServers();
    }

    /** API + conductor + worker in one context, as the standalone launcher runs them. */
    Gorch all(String workerId) {
        return api(start("all", "gorch.worker.id=" + workerId));
    }

    Gorch apiAndWorker(String workerId) {
        return api(start("api", "gorch.conductor.enabled=false", "gorch.worker.id=" + workerId));
    }

    Gorch apiAndConductor() {
        return api(start("api-conductor", "gorch.worker.enabled=false"));
    }

    /** The settings a worker in another process needs to join this system. */
    List<String> workerArguments(String workerId) {
        return List.of(
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                "--gorch.api.enabled=false",
                "--gorch.conductor.enabled=false",
                "--spring.main.web-application-type=none",
                "--gorch.worker.id=" + workerId,
                "--gorch.worker.group-id=" + workerGroup(),
                "--gorch.kafka.workflow-commands-topic=wc-" + suffix,
                "--gorch.kafka.node-commands-topic=nc-" + suffix,
                "--gorch.kafka.node-events-topic=ne-" + suffix,
                "--gorch.kafka.workflow-events-topic=we-" + suffix,
                "--gorch.kafka.workflow-state-topic=ws-" + suffix,
                "--gorch.kafka.node-control-topic=ctl-" + suffix,
                "--gorch.kafka.node-logs-topic=logs-" + suffix,
                "--gorch.standalone.data-dir=" + dataDir.resolve(workerId));
    }

    String nodeEventsTopic() {
        return "ne-" + suffix;
    }

    String nodeCommandsTopic() {
        return "nc-" + suffix;
    }

    String workflowCommandsTopic() {
        return "wc-" + suffix;
    }

    String workflowEventsTopic() {
        return "we-" + suffix;
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
        return start("conductor", "gorch.api.enabled=false", "gorch.worker.enabled=false", "spring.main.web-application-type=none");
    }

    ConfigurableApplicationContext worker(String workerId, String... extra) {
        List<String> props = new ArrayList<>(List.of("gorch.api.enabled=false", "gorch.conductor.enabled=false",
                "gorch.worker.id=" + workerId, "spring.main.web-application-type=none"));
        props.addAll(List.of(extra));
        return start("worker-" + workerId, props.toArray(String[]::new));
    }

    private Gorch api(ConfigurableApplicationContext context) {
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        return this;
    }

    private ConfigurableApplicationContext start(String name, String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                "gorch.kafka.workflow-commands-topic=wc-" + suffix,
                "gorch.kafka.node-commands-topic=nc-" + suffix,
                "gorch.kafka.node-events-topic=ne-" + suffix,
                "gorch.kafka.workflow-events-topic=we-" + suffix,
                "gorch.kafka.workflow-state-topic=ws-" + suffix,
                "gorch.kafka.node-control-topic=ctl-" + suffix,
                "gorch.kafka.node-logs-topic=logs-" + suffix,
                "gorch.conductor.application-id=conductor-" + suffix,
                "gorch.conductor.state-dir=" + dataDir.resolve("conductor"),
                "gorch.api.state-dir=" + dataDir.resolve("api-" + name),
                "gorch.api.instance-id=" + name + "-" + suffix,
                "gorch.worker.group-id=" + workerGroup()));
        props.addAll(shared);
        props.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SystemTestApplication.class)
                .properties(props.toArray(String[]::new)).run();
        contexts.add(context);
        return context;
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
        return "workers-" + suffix;
    }

    HttpResponse<String> post(String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/tasks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** GET of a path outside the API, e.g. {@code /actuator/prometheus}. */
    HttpResponse<String> getPath(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    HttpResponse<String> delete(String id) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/tasks/" + id)).DELETE().build());
    }

    HttpResponse<String> rerun(String id) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/tasks/" + id + "/rerun"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> logs(String id, String node) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/tasks/" + id + "/nodes/" + node + "/logs")).GET().build());
    }

    /** The live log stream (Server-Sent Events) of a node, as lines read while they arrive. */
    java.util.stream.Stream<String> streamLogs(String id, String node) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/tasks/" + id + "/nodes/" + node + "/logs"))
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
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/tasks/" + id)).GET().build());
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
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }
}
