package org.gorchestrator.api;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.gorchestrator.api.admission.BacklogMonitor;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API with admission limits a test reaches in a few submissions, on command topics and consumer groups of its own
 * so that no other test's records count. No conductor and no worker run: the test plays them, by committing their
 * groups' offsets. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(KafkaBroker.class)
abstract class SmallLimitsApiTest {
    static final String CONDUCTORS = "small-limits-conductors";
    static final String WORKERS = "small-limits-workers";
    static final int MAX_LAG = 3;
    private static final Path STATE_DIR = Path.of("target", "view-state-small-limits-" + System.nanoTime());

    @LocalServerPort
    int port;

    @Autowired
    Topics topics;

    @Autowired
    BacklogMonitor backlog;

    ApiClient api;
    KafkaTopicsClient kafka;
    Admin admin;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        // its own view (a view per instance id) and its own topics and groups
        registry.add("gorch.api.instance-id", () -> "small-limits");
        registry.add("gorch.api.state-dir", STATE_DIR::toString);
        registry.add("gorch.kafka.workflow-commands-topic", () -> "small-limits.workflow-commands");
        registry.add("gorch.kafka.node-events-topic", () -> "small-limits.node-events");
        registry.add("gorch.kafka.node-commands-topic", () -> "small-limits.node-commands");
        registry.add("gorch.kafka.pools", () -> "gpu");
        // what the gpu workers run (PoolPolicyApiTest); the other tests' gpu nodes are nil nodes
        registry.add("gorch.api.pool-policies.gpu.engines", () -> "nil,docker");
        registry.add("gorch.api.pool-policies.gpu.docker.images", () -> "registry.example.com/ml/**");
        registry.add("gorch.api.admission.conductor-group", () -> CONDUCTORS);
        registry.add("gorch.api.admission.worker-group", () -> WORKERS);
        registry.add("gorch.api.admission.max-workflow-commands-lag", () -> MAX_LAG);
        registry.add("gorch.api.admission.max-node-events-lag", () -> MAX_LAG);
        registry.add("gorch.api.admission.max-node-commands-lag", () -> MAX_LAG);
        registry.add("gorch.api.admission.poll-interval", () -> "100ms");
        registry.add("gorch.api.admission.retry-after", () -> "7s");
        registry.add("gorch.api.read-your-writes-wait", () -> "100ms");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        kafka = new KafkaTopicsClient(topics);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/v1/tasks?limit=1").status() == 200);
        caughtUp(CONDUCTORS, topics.workflowCommands(), topics.nodeEvents());
        caughtUp(WORKERS, topics.nodeCommands(), topics.nodeCommandsOfPool("gpu"));
        // A reading from before these commits may hold the previous test's backlog, and admission acts on it while fresh.
        Instant committed = Instant.now();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> backlog.latest().filter(reading -> reading.readAt().isAfter(committed)).isPresent());
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    /** Commits the group's offsets at the ends of the topics, as its consumers do once they have handled every record. */
    void caughtUp(String group, String... topicNames) {
        try {
            Collection<TopicPartition> partitions = admin.describeTopics(List.of(topicNames)).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not commit the offsets of " + group, e);
        }
    }

    /** Sets a config of a topic, as an operator would. */
    void setTopicConfig(String topic, String name, String value) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(set))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not set " + name + " of " + topic, e);
        }
    }
}
