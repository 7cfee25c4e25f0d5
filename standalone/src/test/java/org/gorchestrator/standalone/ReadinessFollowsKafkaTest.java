package org.gorchestrator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Readiness reflects Kafka: it goes down when the broker stops and comes back when it returns. */
class ReadinessFollowsKafkaTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void readinessGoesDownWithTheBrokerAndComesBackAfter() throws Exception {
        EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, Map.of());
        int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
        try (ConfigurableApplicationContext context = StandaloneApplication.run("--server.port=0",
                "--gorch.standalone.data-dir=" + dir.resolve("app"), "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers())) {
            String readiness = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/actuator/health/readiness";
            await().atMost(Duration.ofSeconds(90)).until(() -> status(readiness) == 200);

            broker.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> status(readiness) == 503);

            broker = EmbeddedKafka.start(dir.resolve("kafka"), port, Map.of());
            await().atMost(Duration.ofSeconds(120)).until(() -> status(readiness) == 200);
        } finally {
            broker.close();
        }
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
