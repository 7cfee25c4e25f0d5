package org.gorchestrator.api;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.gorchestrator.kafka.Topics;
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

    @LocalServerPort
    int port;

    @Autowired
    Topics topics;

    ApiClient api;
    KafkaTopicsClient kafka;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("gorch.api.state-dir", STATE_DIR::toString);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        kafka = new KafkaTopicsClient(topics);
        // Reads answer 503 until the view has loaded the state topic.
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/v1/tasks?limit=1").status() == 200);
    }
}
