package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.concurrent.TimeUnit;
import org.gorchestrator.client.GorchClient;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.LocalPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged standalone, killed with SIGKILL and started again on its data directory, runs nodes and reads
 * submission records as soon as it is ready. Its conductor, worker and submissions consumer are static members of
 * their groups: the new process takes the dead one's place at once. As dynamic members, the dead process's would hold
 * their partitions until their sessions ended, two minutes here, and nothing would run until then. A node the killed
 * process was running runs again, and the process it had started, which outlived it, is ended first.
 */
class StandaloneCrashRestartTest {
    private static final Path JAR = Gorch.REPO.resolve("standalone/target/gorchestrator-standalone.jar");
    private static final String SESSION_MS = "120000";
    /** Well under the sessions: a restart that waited them out fails. */
    private static final Duration RUNS_WITHIN = Duration.ofSeconds(60);

    /**
     * A shell node's script: the first run records its pid and sleeps a minute (the standalone is killed meanwhile);
     * the run after the restart records its start and its end.
     */
    private static final String RUN_ONCE_LONG = "if [ -e \"$1\" ]; then echo \"start $$\" >> \"$1\"; echo \"end $$\" >> \"$1\"; "
            + "else echo \"start $$\" > \"$1\"; sleep 60; echo \"end $$\" >> \"$1\"; fi";

    @TempDir
    Path dir;

    @Test
    void aStandaloneKilledAndStartedAgainRunsNodesAtOnce() throws Exception {
        assertThat(JAR).as("the packaged jar; build it with ./mvnw package").exists();
        int httpPort = LocalPorts.free();
        int kafkaPort = LocalPorts.free();
        GorchClient client = GorchClient.create(URI.create("http://127.0.0.1:" + httpPort));

        Path runs = dir.resolve("runs");
        String interrupted;
        Process first = start(httpPort, kafkaPort, "first");
        try {
            awaitReady(httpPort, first);
            assertThat(runChain(client).state()).isEqualTo(State.SUCCESS);
            interrupted = client.submit(Graphs.chain(1, Graphs.shell("/bin/sh", "-c", RUN_ONCE_LONG, "node", runs.toString()))).id();
            await().atMost(RUNS_WITHIN).until(() -> Files.exists(runs) && !Files.readString(runs).isEmpty());
        } finally {
            first.destroyForcibly().waitFor();
        }
        long orphan = Long.parseLong(Files.readAllLines(runs).get(0).split(" ")[1]);
        assertThat(Processes.running(orphan)).as("the killed worker's node process outlives it").isTrue();

        Process second = start(httpPort, kafkaPort, "second");
        try {
            awaitReady(httpPort, second);
            assertThat(Processes.running(orphan))
                    .as("the restarted worker ends the process the killed one left, before it runs the node again").isFalse();
            assertThat(client.awaitFinished(interrupted, RUNS_WITHIN).state()).isEqualTo(State.SUCCESS);
            assertThat(Files.readAllLines(runs)).as("the node's runs").hasSize(3).first().asString().startsWith("start ");
            assertThat(runChain(client).state()).isEqualTo(State.SUCCESS);
            String submitted = submitThroughKafka("127.0.0.1:" + kafkaPort);
            assertThat(client.awaitFinished(submitted, RUNS_WITHIN).state()).isEqualTo(State.SUCCESS);
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly().waitFor();
            }
        }
    }

    /** @return the id of the workflow a submission record started, from its outcome on the events topic */
    private static String submitThroughKafka(String bootstrapServers) throws Exception {
        String data = "{\"document\": " + Json.writeString(Graphs.chain(2, Graphs.nil())) + "}";
        try (PlainKafka kafka = new PlainKafka(bootstrapServers)) {
            kafka.send("gorch.submissions", "after-restart", PlainKafka.submit("after-restart", "/tests/crash", data));
        }
        List<JsonNode> outcomes = PlainKafka.readUntil(bootstrapServers, "gorch.workflow-events",
                events -> events.stream().anyMatch(StandaloneCrashRestartTest::accepted));
        return outcomes.stream().filter(StandaloneCrashRestartTest::accepted).findFirst()
                .orElseThrow(() -> new AssertionError("no submission.accepted for the record in 30 s"))
                .get("data").get("workflow_id").asString();
    }

    private static boolean accepted(JsonNode event) {
        return event.path("type").asString().equals("org.gorchestrator.submission.accepted.v1")
                && event.path("data").path("request_id").asString().equals("after-restart");
    }

    private static Graph runChain(GorchClient client) {
        String id = client.submit(Graphs.chain(3, Graphs.nil())).id();
        return client.awaitFinished(id, RUNS_WITHIN);
    }

    private Process start(int httpPort, int kafkaPort, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Processes.javaBin(), "-Xmx384m", "-jar", JAR.toString(),
                "--server.port=" + httpPort, "--gorch.standalone.kafka-port=" + kafkaPort,
                "--gorch.standalone.data-dir=" + dir.resolve("data"),
                "--gorch.worker.consumer[session.timeout.ms]=" + SESSION_MS,
                "--spring.kafka.streams.properties.main.consumer.session.timeout.ms=" + SESSION_MS,
                "--spring.kafka.consumer.properties.session.timeout.ms=" + SESSION_MS));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static void awaitReady(int httpPort, Process process) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).build();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the standalone runs").isTrue();
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
