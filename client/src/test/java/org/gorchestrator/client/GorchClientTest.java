package org.gorchestrator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.client.ProblemException.ConflictException;
import org.gorchestrator.client.ProblemException.InvalidRequestException;
import org.gorchestrator.client.ProblemException.NotFoundException;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.KafkaBroker;
import org.gorchestrator.validation.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real system: API, conductor and worker on the test broker, the repository's examples as documents. */
@ExtendWith(KafkaBroker.class)
class GorchClientTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Duration FINISH = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    static GorchSystem system;
    static GorchClient client;

    @BeforeAll
    static void start() {
        // the examples name their scripts relative to the repository
        system = new GorchSystem(dataDir, "gorch.worker.artifacts-dir=" + REPO).all("worker-1");
        client = GorchClient.create(URI.create(system.baseUrl()));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aSubmittedFileRunsToSuccessAndItsLogsCanBeRead() {
        Submitted submitted = client.submit(REPO.resolve("examples/seed-runnable.json"));

        Graph done = client.awaitFinished(submitted.id(), FINISH);

        assertThat(submitted.replayed()).isFalse();
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        assertThat(done.nodes()).allSatisfy(node -> assertThat(node.state()).isEqualTo(State.SUCCESS));
        assertThat(client.logs(submitted.id(), "a")).isEqualTo("step a: 0.2\n");
        assertThat(client.logs(submitted.id(), "7", 1)).as("by id and attempt").isEqualTo("step h: 0.1 hello\n");
        assertThat(client.graphDot(submitted.id())).contains("rankdir=LR", "label=\"a|shell|examples/scripts/work.sh|success\"");
    }

    @Test
    void anAsyncSubmissionIsFollowedByAsyncLongPollsToItsEnd() throws Exception {
        byte[] json = Files.readAllBytes(REPO.resolve("examples/seed-runnable.json"));

        Submitted submitted = client.submitAsync(json).get(30, TimeUnit.SECONDS);
        Graph graph = client.getAsync(submitted.id(), Duration.ofSeconds(20)).get(60, TimeUnit.SECONDS);
        for (int polls = 0; !graph.state().isFinished() && polls < 3; polls++) {
            graph = client.getAsync(submitted.id(), Duration.ofSeconds(20)).get(60, TimeUnit.SECONDS);
        }

        assertThat(submitted.replayed()).isFalse();
        assertThat(graph.state()).isEqualTo(State.SUCCESS);
    }

    @Test
    void anAsyncReadOfAnUnknownTaskFailsNotFound() {
        ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                () -> client.getAsync("0196f0c1-0000-7000-8000-000000000000", Duration.ofMillis(10)).get(30, TimeUnit.SECONDS));

        assertThat(failed).cause().isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void theSameIdempotencyKeyAndDocumentStartNothingNewAnotherDocumentConflicts() {
        String key = "client-test-" + System.nanoTime();
        Graph document = Graph.of("keyed", List.of(0), List.of(Node.of(0, "only", "nil", null, List.of())));

        Submitted first = client.submit(document, key);
        Submitted again = client.submit(document, key);
        ConflictException conflict = catchThrowableOfType(ConflictException.class,
                () -> client.submit(document.withName("another"), key));

        assertThat(again).isEqualTo(new Submitted(first.id(), true));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.property("id")).contains(first.id());
    }

    @Test
    void anInvalidDocumentIsRefusedWithEveryViolation() {
        String json = """
                {"digraph": [0, 0, 0, 0], "nodes": [{"id": 0, "engine": "shel"}, {"id": 1, "engine": "shell"}]}""";

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class, () -> client.submit(json));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.title()).isEqualTo("Invalid document");
        assertThat(invalid.violations()).extracting(Violation::field).containsExactly("nodes[0].engine", "nodes[1].artifact");
        assertThat(invalid.violations().get(0).message()).startsWith("unknown engine 'shel'");
    }

    @Test
    void malformedJsonIsRefusedNamingWhere() {
        InvalidRequestException malformed = catchThrowableOfType(InvalidRequestException.class, () -> client.submit("{\"nodes\": [}"));

        assertThat(malformed.title()).isEqualTo("Malformed document");
        assertThat(malformed.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("malformed JSON", "line 1"));
    }

    @Test
    void anUnknownTaskIsNotFound() {
        NotFoundException notFound = catchThrowableOfType(NotFoundException.class, () -> client.get("0196f0c1-0000-7000-8000-000000000000"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.detail()).contains("0196f0c1-0000-7000-8000-000000000000");
    }

    @Test
    void theListPagesThroughEveryTaskNewestFirstAndFiltersByState() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.submit(nil("listed-" + i)).id());
        }
        ids.forEach(id -> client.awaitFinished(id, FINISH));

        List<String> listed = client.listAll(TaskQuery.all().inState(State.SUCCESS).pageSize(1)).map(TaskSummary::id).toList();
        TaskPage first = client.list(TaskQuery.all().pageSize(2));

        assertThat(listed).containsSubsequence(ids.get(2), ids.get(1), ids.get(0));
        assertThat(first.tasks()).hasSize(2);
        assertThat(first.next()).contains(first.tasks().get(1).id());
        assertThat(client.listAll(TaskQuery.all().inState(State.CANCELED)).map(TaskSummary::id)).doesNotContainAnyElementsOf(ids);
        assertThat(client.list(TaskQuery.all().pageSize(1)).tasks().get(0)).satisfies(task -> {
            assertThat(task.state()).isNotNull();
            assertThat(task.name()).isNotNull();
        });
    }

    @Test
    void aWatchSeesEachChangeUntilTheEndAndACancelEndsIt() {
        String id = client.submit(sleeping("long", "30s")).id();
        List<Graph> seen = new ArrayList<>();

        WaitTimeoutException timeout = catchThrowableOfType(WaitTimeoutException.class,
                () -> client.watch(id, Duration.ofMillis(1500), seen::add));
        client.cancel(id);
        Graph canceled = client.watch(id, Duration.ofSeconds(30), seen::add);
        ConflictException again = catchThrowableOfType(ConflictException.class, () -> client.cancel(id));

        assertThat(timeout.last().state()).isEqualTo(State.RUNNING);
        assertThat(canceled.state()).isEqualTo(State.CANCELED);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(canceled);
        assertThat(seen).extracting(Graph::state).contains(State.RUNNING);
        assertThat(again.property("state_name")).contains("canceled");
    }

    @Test
    void aFailedTaskIsRerunAndFailsAgainWithItsSecondAttempt() {
        String id = client.submit(REPO.resolve("examples/failing.json")).id();
        assertThat(client.awaitFinished(id, FINISH).state()).isEqualTo(State.FAILURE);

        client.rerun(id);

        // The rerun is applied by the conductor after the 202: until then the task shows its first pass, finished.
        Graph rerun = client.get(id);
        for (int i = 0; i < 100 && (attemptOf(rerun, "break") < 2 || !rerun.state().isFinished()); i++) {
            rerun = client.get(id, Duration.ofMillis(200));
            sleep(Duration.ofMillis(100));
        }
        assertThat(rerun.state()).isEqualTo(State.FAILURE);
        assertThat(attemptOf(rerun, "break")).isEqualTo(2);
        assertThat(attemptOf(rerun, "prepare")).as("succeeded before: not run again").isEqualTo(1);
        assertThat(client.logs(id, "break", 2)).isEqualTo("something went wrong\n");
    }

    @Test
    void aFollowedLogGivesTheLinesAsTheyComeUntilItIsComplete() {
        Node talker = Node.of(0, "talker", "shell", "/bin/sh",
                List.of("-c", "echo one; sleep 0.5; echo two >&2; sleep 0.5; echo three; echo '  four'"));
        String id = client.submit(Graph.of("talk", List.of(0), List.of(talker))).id();
        List<LogLine> lines = new ArrayList<>();

        boolean complete = client.followLogs(id, "talker", lines::add);

        assertThat(complete).isTrue();
        assertThat(lines).containsExactly(new LogLine("stdout", "one"), new LogLine("stderr", "two"), new LogLine("stdout", "three"),
                new LogLine("stdout", "  four"));
    }

    private static int attemptOf(Graph graph, String node) {
        return graph.nodes().stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow().attempt();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Graph nil(String name) {
        return Graph.of(name, List.of(0), List.of(Node.of(0, "only", "nil", null, List.of())));
    }

    private static Graph sleeping(String name, String duration) {
        return Graph.of(name, List.of(0), List.of(Node.of(0, "nap", "sleep", null, List.of(duration))));
    }
}
