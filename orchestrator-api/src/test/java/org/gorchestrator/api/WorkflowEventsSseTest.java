package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.api.EventStream.Event;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.NodeTestBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/tasks/{id}/events: the workflow's CloudEvents, resumable with Last-Event-ID, ending with the workflow. */
class WorkflowEventsSseTest extends ApiIntegrationTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void theStoredEventsComeInOrderWithIncreasingIdsThenTheStreamEndsWithTheWorkflow() throws Exception {
        String id = publishWorkflow(State.SUCCESS);
        Graph graph = Graphs.seedExample().withId(id);
        kafka.publishEvents(submitted(graph), started(graph, 0, 1), new WorkflowEvent.WorkflowChanged(id, State.SUCCESS, T0.plusSeconds(2)));

        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/events")) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(type(events.next())).isEqualTo("org.gorchestrator.workflow.submitted.v1");
            long first = Long.parseLong(events.lastId());
            Event node = events.next();
            assertThat(type(node)).isEqualTo("org.gorchestrator.node.started.v1");
            assertThat(json(node).get("subject").asString()).isEqualTo(id + "/nodes/0");
            assertThat(Long.parseLong(events.lastId())).isGreaterThan(first);
            assertThat(type(events.next())).isEqualTo("org.gorchestrator.workflow.finished.v1");
            assertThat(events.next()).isEqualTo(new Event("end", List.of("finished")));
            assertThat(events.next()).isEqualTo(EventStream.CLOSED);
        }
    }

    @Test
    void aClientThatComesBackWithItsLastEventIdGetsOnlyWhatItMissedThenTheLiveEvents() throws Exception {
        String id = publishWorkflow(State.RUNNING);
        Graph graph = Graphs.seedExample().withId(id);
        kafka.publishEvents(submitted(graph), started(graph, 0, 1), started(graph, 1, 2));
        String lastSeen;
        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/events")) {
            events.next();
            events.next();
            lastSeen = events.lastId();
        }

        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/events", lastSeen)) {
            Event missed = events.next();
            assertThat(json(missed).get("subject").asString()).as("only the event after " + lastSeen).isEqualTo(id + "/nodes/1");

            kafka.publishEvents(new WorkflowEvent.WorkflowChanged(id, State.FAILURE, T0.plusSeconds(3)));
            assertThat(type(events.next())).isEqualTo("org.gorchestrator.workflow.finished.v1");
            String finished = events.lastId();
            assertThat(events.next()).isEqualTo(new Event("end", List.of("finished")));

            try (EventStream again = EventStream.open(api, "/v1/tasks/" + id + "/events", finished)) {
                assertThat(again.next()).as("nothing missed, and the workflow is over").isEqualTo(new Event("end", List.of("finished")));
            }
        }
    }

    @Test
    void aFinishedTaskWhoseEventsAreGoneEndsAtOnce() throws Exception {
        String id = publishWorkflow(State.FAILURE);

        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/events")) {
            assertThat(events.next()).isEqualTo(new Event("end", List.of("finished")));
        }
    }

    @Test
    void unknownTasksAreNotFoundAndABadLastEventIdIsRejected() {
        String id = publishWorkflow(State.RUNNING);

        try (EventStream events = EventStream.open(api, "/v1/tasks/" + ids.next() + "/events")) {
            assertThat(events.status()).isEqualTo(404);
        }
        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/events", "yesterday")) {
            assertThat(events.status()).isEqualTo(400);
        }
    }

    @Test
    void thePurgeOfARunningWorkflowEndsItsStreamAndRemovesItsEvents() throws Exception {
        String id = publishWorkflow(State.RUNNING);
        Graph graph = Graphs.seedExample().withId(id);
        kafka.publishEvents(submitted(graph));
        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/events")) {
            events.next();
            kafka.publishState(id, null);
            assertThat(events.next()).isEqualTo(new Event("end", List.of("purged")));
        }
        kafka.publishState(id, graph.withRun(State.RUNNING, T0, null, null));
        await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + id).status() == 200);
        kafka.publishEvents(new WorkflowEvent.WorkflowChanged(id, State.SUCCESS, T0.plusSeconds(9)));
        try (EventStream events = EventStream.open(api, "/v1/tasks/" + id + "/events")) {
            assertThat(type(events.next())).as("the events before the purge are gone").isEqualTo("org.gorchestrator.workflow.finished.v1");
        }
    }

    @Test
    void theTaskListStreamCountsTasksByStateAndTellsEachChange() throws Exception {
        publishWorkflow(State.RUNNING);
        try (EventStream events = EventStream.open(api, "/v1/tasks/stream")) {
            assertThat(events.status()).isEqualTo(200);
            Event counts = events.next();
            assertThat(counts.name()).isEqualTo("counts");
            long running = json(counts).get("running").asLong();
            assertThat(running).isPositive();

            String id = ids.next();
            kafka.publishState(id, Graphs.seedExample().withId(id).withRun(State.RUNNING, T0, null, null));
            Event task = nextNamed(events, "task", id);
            assertThat(json(task).get("state_name").asString()).isEqualTo("running");
            Event recounted = nextNamed(events, "counts", null);
            assertThat(json(recounted).get("running").asLong()).isGreaterThan(running);
        }
    }

    @Test
    void aDocumentIsCheckedWithoutBeingSubmitted() {
        ApiClient.Response valid = api.postJson("/v1/validate", Graphs.seedExampleJson());
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.json().get("valid").asBoolean()).isTrue();

        String cycle = """
                {"name":"loop","nodes":[{"id":0,"name":"a","engine":"nil"},{"id":1,"name":"b","engine":"nil"}],
                 "edges":[[0,1],[1,0]]}""";
        ApiClient.Response refused = api.postJson("/v1/validate", cycle);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("violations").get(0).get("message").asString()).contains("cycle");
    }

    private static Event nextNamed(EventStream events, String name, String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Event event = events.next();
            if (event.name().equals(name) && (id == null || id.equals(json(event).path("id").asString()))) {
                return event;
            }
        }
        throw new AssertionError("no event " + name + " " + id);
    }

    private static WorkflowEvent submitted(Graph graph) {
        return new WorkflowEvent.Submitted(graph.id(), graph, T0);
    }

    private static WorkflowEvent started(Graph graph, int node, int second) {
        Node started = NodeTestBuilder.from(graph.nodes().get(node)).running(T0.plusSeconds(second)).build();
        return new WorkflowEvent.NodeChanged(graph.id(), started, T0.plusSeconds(second));
    }

    private static String type(Event event) {
        return json(event).get("type").asString();
    }

    private static JsonNode json(Event event) {
        return Json.mapper().readTree(String.join("\n", event.data()));
    }
}
