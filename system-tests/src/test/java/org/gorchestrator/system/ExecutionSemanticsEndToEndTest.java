package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gorchestrator.client.ProblemException.ConflictException;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Attempt;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, cancel, retries, rerun, idempotent submission and logs, end to end on a real broker with real processes. */
@ExtendWith(KafkaBroker.class)
class ExecutionSemanticsEndToEndTest {
    private static final Duration AT_MOST = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static Gorch gorch;

    @BeforeAll
    static void start() {
        gorch = new Gorch(dir.resolve("data")).all("worker-e2e");
    }

    @AfterAll
    static void stop() {
        gorch.close();
    }

    private static Node sh(int id, String name, String script, String... args) {
        List<String> argv = new ArrayList<>(List.of(Gorch.script(script)));
        argv.addAll(List.of(args));
        return Node.of(id, name, "shell", "/bin/sh", argv);
    }

    private static String one(Node node) {
        return Json.writeString(Graph.sparse("one node", List.of(), List.of(node)));
    }

    @Test
    void nodeTimeoutKillsItsProcessAndEndsTimeout() throws Exception {
        Path pidFile = dir.resolve("timeout.pid");
        String id = gorch.submit(one(sh(0, "sleeper", "pid-sleep.sh", pidFile.toString(), "60").withTimeout(1)));

        Graph done = gorch.awaitFinished(id, AT_MOST);

        Node node = done.nodes().get(0);
        assertThat(node.state()).isEqualTo(State.TIMEOUT);
        assertThat(node.state().code()).isEqualTo(10);
        assertThat(done.state()).isEqualTo(State.FAILURE);
        assertProcessGone(pidFile);
    }

    @Test
    void deleteKillsTheRunningProcessAndCancelsTheRest() throws Exception {
        Path pidFile = dir.resolve("cancel.pid");
        Graph graph = Graph.sparse("cancel me", List.of(List.of(0, 1)),
                List.of(sh(0, "long", "pid-sleep.sh", pidFile.toString(), "60"), Node.of(1, "after", "nil", null, List.of())));
        String id = gorch.submit(Json.writeString(graph));
        await().atMost(AT_MOST).until(() -> Files.exists(pidFile) && gorch.get(id).nodes().get(0).state() == State.RUNNING);

        gorch.cancel(id);

        Graph done = gorch.awaitFinished(id, AT_MOST);
        assertThat(done.state()).isEqualTo(State.CANCELED);
        assertThat(done.nodes()).extracting(Node::state).containsOnly(State.CANCELED);
        assertProcessGone(pidFile);
        assertThatThrownBy(() -> gorch.cancel(id)).as("cancel of a finished graph changes nothing")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void nodeThatFailsTwiceThenSucceedsWithThreeAttemptsEndsSuccess() {
        Path counter = dir.resolve("flaky.count");
        Node flaky = sh(0, "flaky", "flaky.sh", counter.toString(), "2").withRetry(new RetryPolicy(3, 0.2, 2.0, 1.0));
        String id = gorch.submit(one(flaky));

        Graph done = gorch.awaitFinished(id, AT_MOST);

        assertThat(done.state()).isEqualTo(State.SUCCESS);
        Node node = done.nodes().get(0);
        assertThat(node.attempt()).isEqualTo(3);
        assertThat(node.attempts()).extracting(Attempt::state).containsExactly(State.FAILURE, State.FAILURE, State.SUCCESS);
        assertThat(node.attempts()).allSatisfy(a -> assertThat(a.startDate()).isNotNull());
    }

    @Test
    void rerunAfterAFailureRunsOnlyTheFailedPart() {
        Path marker = dir.resolve("fixed.marker");
        Graph graph = Graph.sparse("rerun me", List.of(List.of(0, 1), List.of(1, 2)), List.of(
                sh(0, "prepare", "slow-print.sh", "0"),
                sh(1, "flaky-step", "fail-once.sh", marker.toString()),
                Node.of(2, "finish", "nil", null, List.of())));
        String id = gorch.submit(Json.writeString(graph));
        Graph failed = gorch.awaitFinished(id, AT_MOST);
        assertThat(failed.state()).isEqualTo(State.FAILURE);
        assertThat(failed.nodes()).extracting(Node::state).containsExactly(State.SUCCESS, State.FAILURE, State.NOTRUNNABLE);

        gorch.rerun(id);

        await().atMost(AT_MOST).until(() -> gorch.get(id).state() == State.SUCCESS);
        Graph done = gorch.get(id);
        assertThat(done.nodes()).extracting(Node::state).containsOnly(State.SUCCESS);
        assertThat(done.nodes()).extracting(Node::attempt).containsExactly(1, 2, 1);
        assertThatThrownBy(() -> gorch.rerun(id)).as("nothing left to rerun")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void sameIdempotencyKeyTwiceRunsOnce() {
        // Raw HTTP: the statuses (202 first, 200 for the replay, 409 for another document) are what this checks.
        String body = one(Node.of(0, "once", "nil", null, List.of()));

        HttpResponse<String> first = gorch.post(body, "Idempotency-Key", "order-4711");
        HttpResponse<String> second = gorch.post(body, "Idempotency-Key", "order-4711");
        HttpResponse<String> other = gorch.post(one(Node.of(0, "different", "nil", null, List.of())), "Idempotency-Key", "order-4711");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        String id = Json.mapper().readTree(first.body()).get("id").asString();
        assertThat(Json.mapper().readTree(second.body()).get("id").asString()).isEqualTo(id);
        assertThat(other.statusCode()).isEqualTo(409);
        Graph done = gorch.awaitFinished(id, AT_MOST);
        assertThat(done.nodes().get(0).attempt()).isEqualTo(1);
    }

    @Test
    void logsOfARunningNodeStreamBeforeItEndsAndStayReadableAfter() throws Exception {
        String id = gorch.submit(one(sh(0, "talker", "slow-print.sh", "4")));
        await().atMost(AT_MOST).until(() -> gorch.get(id).nodes().get(0).state() == State.RUNNING);
        List<String> seenWhileRunning = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<List<String>> stream = CompletableFuture.supplyAsync(() -> gorch.followLogs(id, "talker"));
        CompletableFuture.runAsync(() -> await().atMost(AT_MOST).until(() -> {
            if (gorch.get(id).nodes().get(0).state() == State.RUNNING) {
                seenWhileRunning.add(gorch.logs(id, "talker"));
            }
            return gorch.get(id).state().isFinished();
        }));

        List<String> events = stream.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(String.join("\n", events)).contains("first line").contains("second line");
        assertThat(seenWhileRunning).as("a line printed by a running node is readable before it ends")
                .anySatisfy(body -> assertThat(body).contains("first line").doesNotContain("second line"));
        gorch.awaitFinished(id, AT_MOST);
        assertThat(gorch.logs(id, "talker")).contains("first line").contains("second line");
    }

    private static void assertProcessGone(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        await().atMost(Duration.ofSeconds(20)).until(() -> !Processes.running(pid));
    }
}
