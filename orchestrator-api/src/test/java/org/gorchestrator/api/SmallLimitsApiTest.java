package org.gorchestrator.api;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
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
 * The API on command topics of its own, so that no other test's records count, and with its own view. Subclasses
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(KafkaBroker.class)
abstract class SmallLimitsApiTest {
    private static final Path STATE_DIR = Path.of("target", "view-state-small-limits-" + System.nanoTime());

    @LocalServerPort
    int port;

    @Autowired
    Topics topics;

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
        registry.add("gorch.api.read-your-writes-wait", () -> "100ms");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        kafka = new KafkaTopicsClient(topics);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/v1/tasks?limit=1").status() == 200);
    }

    @AfterEach
    void disconnect() {
        admin.close();
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
