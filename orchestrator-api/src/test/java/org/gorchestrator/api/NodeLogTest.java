package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.api.EventStream.Event;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.NodeTestBuilder;
import org.junit.jupiter.api.Test;

class NodeLogTest extends ApiIntegrationTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void theStoredLinesOfAnAttemptAreServedInOrder() {
        String id = publishRun(State.RUNNING);
        kafka.publishLogs(
                chunk(id, LogChunk.STDOUT, 1, 2, false, "c", "d"),
                chunk(id, LogChunk.STDOUT, 0, 0, false, "a", "b"),
                chunk(id, LogChunk.STDERR, 0, 1, false, "oops ✗"));

        String logs = "/v1/tasks/" + id + "/nodes/0/logs";
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(logs).body().equals("a\nb\noops ✗\nc\nd\n"));

        ApiClient.Response response = api.get(logs);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(api.get(logs + "?stream=stdout").body()).isEqualTo("a\nb\nc\nd\n");
        assertThat(api.get(logs + "?stream=stderr&attempt=1").body()).isEqualTo("oops ✗\n");
        assertThat(api.get("/v1/tasks/" + id + "/nodes/a/logs").body()).as("by name").isEqualTo("a\nb\noops ✗\nc\nd\n");
        assertThat(api.get(logs + "?attempt=2").body()).as("an attempt that did not run").isEmpty();
    }

    @Test
    void aNodeThatNeverRanHasAnEmptyLog() {
        String id = publishRun(State.RUNNING);

        ApiClient.Response response = api.get("/v1/tasks/" + id + "/nodes/7/logs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void unknownTasksAndNodesAreNotFoundAndBadParametersRejected() {
        String id = publishRun(State.RUNNING);

        assertThat(api.get("/v1/tasks/" + ids.next() + "/nodes/0/logs").status()).isEqualTo(404);
        ApiClient.Response noNode = api.get("/v1/tasks/" + id + "/nodes/zz/logs");
        assertThat(noNode.status()).isEqualTo(404);
        assertThat(noNode.contentType()).startsWith("application/problem+json");
        assertThat(noNode.json().get("detail").asString()).contains("no node 'zz'");
        assertThat(api.get("/v1/tasks/" + id + "/nodes/0/logs?stream=stdin").status()).isEqualTo(400);
        assertThat(api.get("/v1/tasks/" + id + "/nodes/0/logs?attempt=0").status()).isEqualTo(400);
    }

    @Test
    void followingStreamsTheStoredLinesThenNewOnesUntilTheLastChunk() throws Exception {
        String id = publishRun(State.RUNNING);
        kafka.publishLogs(chunk(id, LogChunk.STDOUT, 0, 0, false, "before"));
        String logs = "/v1/tasks/" + id + "/nodes/0/logs";
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(logs).body().equals("before\n"));

        try (EventStream events = EventStream.open(api, logs)) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("before")));

            kafka.publishLogs(chunk(id, LogChunk.STDOUT, 1, 1, false, "live 1", "live 2"));
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("live 1", "live 2")));

            kafka.publishLogs(chunk(id, LogChunk.STDERR, 0, 2, false, "warning"), chunk(id, LogChunk.STDOUT, 2, 3, true, "done"));
            assertThat(events.next()).isEqualTo(new Event("stderr", List.of("warning")));
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("done")));
            assertThat(events.next()).isEqualTo(new Event("end", List.of("last")));
            assertThat(events.next()).isEqualTo(EventStream.CLOSED);
        }
    }

    @Test
    void eachChunkCarriesItsSeqAsIdAndAClientThatComesBackGetsOnlyTheChunksAfterItsLastEventId() throws Exception {
        String id = publishRun(State.RUNNING);
        kafka.publishLogs(chunk(id, LogChunk.STDOUT, 0, 0, false, "one"), chunk(id, LogChunk.STDERR, 1, 1, false, "two"));
        String logs = "/v1/tasks/" + id + "/nodes/0/logs";
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(logs).body().equals("one\ntwo\n"));

        try (EventStream events = EventStream.open(api, logs)) {
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("one")));
            assertThat(events.lastId()).isEqualTo("0");
        }
        try (EventStream events = EventStream.open(api, logs, "0")) {
            assertThat(events.next()).isEqualTo(new Event("stderr", List.of("two")));
            assertThat(events.lastId()).isEqualTo("1");
            kafka.publishLogs(chunk(id, LogChunk.STDOUT, 2, 2, true, "three"));
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("three")));
            assertThat(events.next()).isEqualTo(new Event("end", List.of("last")));
        }
        try (EventStream events = EventStream.open(api, logs, "not a seq")) {
            assertThat(events.status()).isEqualTo(400);
        }
    }

    @Test
    void aFollowedLineKeepsItsLeadingSpaces() throws Exception {
        String id = publishRun(State.SUCCESS);
        // an SSE client drops one space after "data:", as the standard says: an indented line must survive that
        kafka.publishLogs(chunk(id, LogChunk.STDOUT, 0, 0, false, "  indented", " one", "", "none"));
        String logs = "/v1/tasks/" + id + "/nodes/0/logs";
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(logs).body().startsWith("  indented"));

        try (EventStream events = EventStream.open(api, logs)) {
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("  indented", " one", "", "none")));
        }
    }

    @Test
    void followingTheLogOfAFinishedNodeEndsWhenNothingMoreComes() throws Exception {
        String id = publishRun(State.SUCCESS);
        kafka.publishLogs(chunk(id, LogChunk.STDOUT, 0, 0, false, "only line"));
        String logs = "/v1/tasks/" + id + "/nodes/a/logs?stream=stdout";
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(logs).body().equals("only line\n"));

        try (EventStream events = EventStream.open(api, logs)) {
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("only line")));
            assertThat(events.next()).isEqualTo(new Event("end", List.of("finished")));
            assertThat(events.next()).isEqualTo(EventStream.CLOSED);
        }
    }

    @Test
    void linesThatArriveAfterTheNodesEndAreStreamedEvenAfterALongSilence() throws Exception {
        String id = publishRun(State.RUNNING);
        String logs = "/v1/tasks/" + id + "/nodes/0/logs";

        try (EventStream events = EventStream.open(api, logs)) {
            kafka.publishLogs(chunk(id, LogChunk.STDOUT, 0, 0, false, "first"));
            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("first")));
            Thread.sleep(3 * FINISH_GRACE.toMillis()); // the node is quiet for longer than the grace, still running
            // Its end reaches the view before its last lines: they come on another topic.
            kafka.publishState(id, run(id, State.SUCCESS));
            await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + id).body().contains("\"stop_date\""));
            kafka.publishLogs(chunk(id, LogChunk.STDOUT, 1, 1, false, "printed just before the end"));

            assertThat(events.next()).isEqualTo(new Event("stdout", List.of("printed just before the end")));
            assertThat(events.next()).isEqualTo(new Event("end", List.of("finished")));
        }
    }

    @Test
    void followingAnUnknownNodeIsNotFound() {
        String id = publishRun(State.RUNNING);

        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/nodes/zz/logs")) {
            assertThat(events.status()).isEqualTo(404);
        }
    }

    @Test
    void thePurgeOfAWorkflowRemovesItsLogs() {
        String id = publishRun(State.SUCCESS);
        kafka.publishLogs(chunk(id, LogChunk.STDOUT, 0, 0, false, "kept until the purge"));
        String logs = "/v1/tasks/" + id + "/nodes/0/logs";
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(logs).body().equals("kept until the purge\n"));

        kafka.publishState(id, null);
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(logs).status() == 404);
        kafka.publishState(id, run(id, State.SUCCESS));
        await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + id).status() == 200);

        assertThat(api.get(logs).body()).isEmpty();
    }

    /** Publishes the seed example with node 0 (named a) at its first attempt, in the given state. */
    private String publishRun(State nodeState) {
        String id = ids.next();
        kafka.publishState(id, run(id, nodeState));
        await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + id).status() == 200);
        return id;
    }

    private static Graph run(String id, State nodeState) {
        Graph seed = Graphs.seedExample().withId(id).withRun(State.RUNNING, T0, null, null);
        NodeTestBuilder first = NodeTestBuilder.from(seed.nodes().get(0));
        Node node = (nodeState.isFinished() ? first.finished(nodeState, T0) : first.running(T0)).build();
        return seed.withNodes(seed.nodes().stream().map(n -> n.id() == 0 ? node : n).toList());
    }

    private static LogChunk chunk(String id, String stream, long seq, int second, boolean last, String... lines) {
        return new LogChunk(id, 0, 1, stream, seq, List.of(lines), last, T0.plusSeconds(second));
    }
}
