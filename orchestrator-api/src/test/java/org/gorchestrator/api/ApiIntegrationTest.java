package org.gorchestrator.api;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.gorchestrator.api.tasks.WorkflowIds;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API on a random port against the real broker. Subclasses share one application context
 * (same configuration), so the broker, Tomcat and the view start once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(KafkaBroker.class)
abstract class ApiIntegrationTest {
    private static final Path STATE_DIR = Path.of("target", "view-state-" + System.nanoTime());
    static final Duration VIEW_CATCH_UP = Duration.ofSeconds(30);
    static final Duration FINISH_GRACE = Duration.ofMillis(300);
    static final int MAX_DOCUMENT_SIZE = 256 * 1024;

    final WorkflowIds ids = new WorkflowIds(Clock.systemUTC());

    @LocalServerPort
    int port;

    @Autowired
    Topics topics;

    ApiClient api;
    KafkaTopicsClient kafka;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("gorch.api.state-dir", STATE_DIR::toString);
        // short, so the tests that wait them out stay short
        registry.add("gorch.api.idempotency-wait", () -> "2s");
        registry.add("gorch.api.logs.finish-grace", () -> FINISH_GRACE.toMillis() + "ms");
        // small, so a test can reach it
        registry.add("gorch.api.max-waiting-reads", () -> "2");
        registry.add("gorch.api.limits.max-document-size", () -> MAX_DOCUMENT_SIZE + "B");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        kafka = new KafkaTopicsClient(topics);
        // Reads answer 503 until the view has loaded the state topic.
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/v1/tasks?limit=1").status() == 200);
    }

    /** Publishes the seed example in this state as the conductor would, and waits until the API serves it. */
    String publishWorkflow(State state) {
        String id = ids.next();
        Instant now = Instant.now();
        kafka.publishState(id, Graphs.seedExample().withId(id).withRun(state, now, state.isFinished() ? now : null, null));
        await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + id).status() == 200);
        return id;
    }
}
