package org.gorchestrator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.api.view.FinishWaiters;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A shutdown does not wait for the requests that would only end with a node that runs for ten minutes: the long poll
 * answers with the running task and the followed log closes as the shutdown starts. The poll may wait ten minutes and
 * the web server is given two to stop gracefully, so without the release both would still be open when the test gives
 * up waiting.
 */
class ShutdownReleasesOpenRequestsTest {
    private static final String LONG_SLEEP = """
            {"digraph": [0], "nodes": [{"id": 0, "name": "long", "engine": "sleep", "args": ["10m"]}]}""";
    private static final long PATIENCE_SECONDS = 60;

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aLongPollAnswersAndAFollowedLogClosesAsShutdownStarts() throws Exception {
        ConfigurableApplicationContext context = StandaloneApplication.run("--server.port=0", "--gorch.standalone.kafka-port=0",
                "--gorch.standalone.data-dir=" + dataDir, "--gorch.api.max-wait=10m",
                "--spring.lifecycle.timeout-per-shutdown-phase=120s", "--gorch.worker.shutdown-grace=1s");
        try {
            String tasks = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/v1/tasks";
            String id = submit(tasks);
            await().atMost(Duration.ofSeconds(90)).until(() -> nodeState(tasks, id) == State.RUNNING);

            CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(tasks + "/" + id + "?wait=10m")).build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> log = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(tasks + "/" + id + "/nodes/0/logs")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofString());
            FinishWaiters waiters = context.getBean("apiFinishWaiters", FinishWaiters.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> waiters.size() == 1 && aLogIsFollowed());
            assertThat(log).isNotDone();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);

            HttpResponse<String> answer = poll.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(Json.read(answer.body(), Graph.class).state()).isEqualTo(State.RUNNING);
            HttpResponse<String> followed = log.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(followed.statusCode()).isEqualTo(200);
            assertThat(followed.body()).doesNotContain("event:end");
            closing.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } finally {
            context.close();
        }
    }

    /** The API follows a log on a thread of its own (this test runs the system in its JVM). */
    private static boolean aLogIsFollowed() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().startsWith("gorch-log-follower-"));
    }

    private String submit(String tasks) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(tasks))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(LONG_SLEEP)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(202);
        return Json.mapper().readTree(created.body()).get("id").asString();
    }

    private State nodeState(String tasks, String id) throws Exception {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(tasks + "/" + id)).build(), HttpResponse.BodyHandlers.ofString());
        return read.statusCode() == 200 ? Json.read(read.body(), Graph.class).nodes().get(0).state() : null;
    }
}
