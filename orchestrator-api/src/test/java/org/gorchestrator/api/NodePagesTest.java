package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.NodeTestBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/**
 * GET /v1/tasks/{id}/nodes: a task's nodes a page at a time, from a workflow in parts as from a whole one; and the task
 * list and counts, which show a workflow in parts by its header alone.
 */
class NodePagesTest extends ApiIntegrationTest {
    private static final int NODES = StateRecords.WHOLE_MAX_NODES + 5;

    @Autowired
    @Qualifier("apiWorkflowView")
    WorkflowView view;

    @Test
    void aWorkflowInPartsIsServedWholeAndAPageAtATime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Graph chain = Graphs.chain(NODES, Graphs.nil());
        Graph graph = chain.withId(ids.next()).withRun(State.RUNNING, now, null, null)
                .withNodes(chain.nodes().stream().map(n -> n.id() == 3 || n.id() == NODES - 1 ? NodeTestBuilder.from(n).running(now).build() : n).toList());
        kafka.publishStateInParts(graph);
        String task = "/v1/tasks/" + graph.id();
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(task).status() == 200);

        JsonNode whole = api.get(task).json();
        assertThat(whole.get("state_name").asString()).isEqualTo("running");
        assertThat(whole.get("nodes")).hasSize(NODES);
        assertThat(whole.get("nodes").get(3).get("worker").asString()).isEqualTo("worker-1");

        List<Integer> paged = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 5; page++) {
            ApiClient.Response response = api.get(task + "/nodes?limit=400" + (after == null ? "" : "&after=" + after));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode answer = response.json();
            answer.get("nodes").forEach(node -> paged.add(node.get("id").asInt()));
            after = answer.has("next") ? answer.get("next").asString() : null;
            if (after == null) {
                break;
            }
        }
        assertThat(after).as("three pages, the last one not full").isNull();
        assertThat(paged).hasSize(NODES).isSorted().doesNotHaveDuplicates();

        JsonNode running = api.get(task + "/nodes?state=running").json();
        assertThat(running.get("nodes")).extracting(node -> node.get("id").asInt()).containsExactly(3, NODES - 1);

        kafka.publishState(graph.id(), null);
        await().atMost(VIEW_CATCH_UP).until(() -> api.get(task + "/nodes").status() == 404);
    }

    @Test
    void theTaskListAndTheCountsShowEachWorkflowInPartsOnceAmongWholeOnes() {
        Map<State, Long> before = view.countByState();
        String first = publishWorkflow(State.SUCCESS);
        String large = publishInParts(State.RUNNING);
        String second = publishWorkflow(State.FAILURE);
        String larger = publishInParts(State.TIMEOUT);

        List<String> listed = new ArrayList<>();
        // From an id newer than these four: the shared view also holds other tests' workflows, some with ids derived
        // from an Idempotency-Key, which do not sort by time.
        String after = ids.next();
        for (int page = 0; page < 4 && after != null; page++) {
            JsonNode answer = api.get("/v1/tasks?limit=1&after=" + after).json();
            answer.get("tasks").forEach(task -> listed.add(task.get("id").asString()));
            after = answer.has("next") ? answer.get("next").asString() : null; // none after the oldest workflow of all
        }
        assertThat(listed).as("newest first, one a page, each header once").containsExactly(larger, second, large, first);
        Map<State, Long> counted = view.countByState();
        assertThat(counted).allSatisfy((state, n) -> assertThat(n - before.get(state)).as(state.label())
                .isEqualTo(switch (state) {
                    case SUCCESS, FAILURE, RUNNING, TIMEOUT -> 1L;
                    default -> 0L;
                }));
    }

    /** A workflow of {@link #NODES} nodes in {@code state}, published in parts; waits until the API serves it. */
    private String publishInParts(State state) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Graph graph = Graphs.chain(NODES, Graphs.nil()).withId(ids.next()).withRun(state, now, state.isFinished() ? now : null, null);
        kafka.publishStateInParts(graph);
        await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + graph.id() + "/nodes?limit=1").status() == 200);
        return graph.id();
    }

    @Test
    void aWholeWorkflowPagesToo() {
        String id = publishWorkflow(State.RUNNING);

        JsonNode first = api.get("/v1/tasks/" + id + "/nodes?limit=2").json();
        assertThat(first.get("nodes")).extracting(node -> node.get("id").asInt()).containsExactly(0, 1);
        assertThat(first.get("next").asString()).isEqualTo("1");
        JsonNode rest = api.get("/v1/tasks/" + id + "/nodes?after=1&limit=500").json();
        assertThat(rest.get("nodes").get(0).get("id").asInt()).isEqualTo(2);
        assertThat(rest.has("next")).isFalse();
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        String id = publishWorkflow(State.RUNNING);
        for (String query : List.of("state=sleepy", "after=x", "after=-1", "limit=0", "limit=many", "cursor=3")) {
            ApiClient.Response response = api.get("/v1/tasks/" + id + "/nodes?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("violations").get(0).get("field").asString()).as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(api.get("/v1/tasks/" + ids.next() + "/nodes").status()).isEqualTo(404);
    }
}
