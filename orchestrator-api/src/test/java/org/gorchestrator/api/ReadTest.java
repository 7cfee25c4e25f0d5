package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.NodeTestBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadTest extends ApiIntegrationTest {
    @Autowired
    JsonMapper springMapper;

    @Test
    void theHttpAnswersAreWrittenWithTheModulesOfTheProjectsOwnMapper() {
        List<Object> registered = springMapper.registeredModules().stream().map(JacksonModule::getRegistrationId).toList();
        assertThat(registered).containsAll(Json.modules().stream().map(JacksonModule::getRegistrationId).toList());
    }

    @Test
    void aWorkflowStatePublishedByTheConductorIsServed() {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Graph running = Graphs.seedExample().withId(ids.next()).withRun(State.RUNNING, started, null, null);
        running = running.withNodes(running.nodes().stream().map(n -> n.id() == 0 ? NodeTestBuilder.from(n).running(started).build() : n).toList());

        kafka.publishState(running.id(), running);

        JsonNode served = awaitRead(running.id());
        assertThat(served.get("state").asInt()).isEqualTo(State.RUNNING.code());
        assertThat(served.get("state_name").asString()).isEqualTo("running");
        assertThat(Instant.parse(served.get("start_date").asString())).isEqualTo(started);
        assertThat(served.get("nodes").get(0).get("state").asInt()).isEqualTo(State.RUNNING.code());
        assertThat(served.get("nodes").get(0).get("worker").asString()).isEqualTo("worker-1");
    }

    @Test
    void aStateOfAnAbortedConductorTransactionIsNeverServed() {
        Instant now = Instant.now();
        Graph running = Graphs.seedExample().withId(ids.next()).withRun(State.RUNNING, now, null, null);
        Graph later = Graphs.seedExample().withId(ids.next()).withRun(State.RUNNING, now, null, null);
        kafka.publishStatesInTransaction(true, running);
        kafka.publishStatesInTransaction(false, running.withRun(State.SUCCESS, now, now, null));
        kafka.publishStatesInTransaction(true, later);

        awaitRead(later.id()); // the view has read past the aborted transaction, on the same partition

        assertThat(awaitRead(running.id()).get("state_name").asString()).isEqualTo("running");
    }

    @Test
    void anUnknownIdIsNotFound() {
        ApiClient.Response response = api.get("/v1/tasks/" + ids.next());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void textThatIsNoIdIsNotFound() {
        assertThat(api.get("/v1/tasks/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void aPurgedWorkflowIsNoLongerServed() {
        String id = ids.next();
        kafka.publishState(id, Graphs.seedExample().withId(id).withRun(State.SUCCESS, Instant.now(), Instant.now(), null));
        awaitRead(id);

        kafka.publishState(id, null);

        await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + id).status() == 404);
    }

    @Test
    void theListPagesNewestFirstAndFiltersByState() {
        List<String> running = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(publish(State.RUNNING));
            finished.add(publish(State.SUCCESS));
        }
        awaitRead(finished.get(2));

        List<JsonNode> all = listAll("");
        List<String> listed = all.stream().map(t -> t.get("id").asString()).toList();
        assertThat(listed).isSortedAccordingTo(Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(listed).containsSubsequence(finished.get(2), running.get(2), finished.get(1), running.get(1), finished.get(0), running.get(0));

        List<JsonNode> runningOnly = listAll("&state=running");
        assertThat(runningOnly).allSatisfy(t -> {
            assertThat(t.get("state").asInt()).isEqualTo(2);
            assertThat(t.get("state_name").asString()).isEqualTo("running");
        });
        assertThat(runningOnly.stream().map(t -> t.get("id").asString()).toList()).containsAll(running).doesNotContainAnyElementsOf(finished);
        assertThat(listAll("&state=3").stream().map(t -> t.get("id").asString()).toList()).containsAll(finished).doesNotContainAnyElementsOf(running);
    }

    @Test
    void aListItemHasTheSeedsFields() {
        String id = publish(State.SUCCESS);
        awaitRead(id);

        JsonNode first = api.get("/v1/tasks?state=success&limit=500").json().get("tasks").get(0);

        assertThat(first.get("id").asString()).isEqualTo(id);
        assertThat(first.get("name").asString()).isEqualTo("Valid");
        assertThat(first.get("state").asInt()).isEqualTo(3);
        assertThat(first.get("state_name").asString()).isEqualTo("success");
        assertThat(first.has("start_date")).isTrue();
        assertThat(first.has("stop_date")).isTrue();
    }

    @Test
    void badListParametersAreRejected() {
        for (String query : List.of("state=bogus", "state=99", "limit=0", "limit=501", "limit=abc", "after=nope")) {
            ApiClient.Response response = api.get("/v1/tasks?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().get("violations").get(0).get("field").asString()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void theCursorIsAfterAndOtherCursorNamesAreRefusedSayingSo() {
        for (String name : List.of("next", "cursor")) {
            ApiClient.Response response = api.get("/v1/tasks?" + name + "=" + ids.next());
            assertThat(response.status()).as(name).isEqualTo(400);
            JsonNode violation = response.json().get("violations").get(0);
            assertThat(violation.get("field").asString()).isEqualTo(name);
            assertThat(violation.get("message").asString()).as(name).contains("unknown query parameter", "`after`");
        }
    }

    @Test
    void anUnknownQueryParameterIsRefusedWithTheNearestKnownOne() {
        ApiClient.Response misspelt = api.get("/v1/tasks/" + ids.next() + "?wiat=30s");
        ApiClient.Response far = api.get("/v1/tasks?colour=red");

        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().get("violations").get(0).get("field").asString()).isEqualTo("wiat");
        assertThat(misspelt.json().get("detail").asString()).isEqualTo("wiat: unknown query parameter; did you mean `wait`?");
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().get("detail").asString())
                .isEqualTo("colour: unknown query parameter; known query parameters: after, limit, name, state");
    }

    private String publish(State state) {
        String id = ids.next();
        Instant now = Instant.now();
        kafka.publishState(id, Graphs.seedExample().withId(id).withRun(state, now, state.isFinished() ? now : null, null));
        return id;
    }

    @Test
    void theListFiltersByAPartOfTheNameIgnoringCase() {
        String id = ids.next();
        String name = "Nightly-" + id;
        kafka.publishState(id, Graphs.seedExample().withId(id).withName(name).withRun(State.RUNNING, Instant.now(), null, null));
        awaitRead(id);
        String other = publish(State.RUNNING);

        List<String> found = listAll("&name=nIGHTLY-" + id).stream().map(t -> t.get("id").asString()).toList();

        assertThat(found).containsExactly(id).doesNotContain(other);
    }

    private JsonNode awaitRead(String id) {
        await().atMost(VIEW_CATCH_UP).until(() -> api.get("/v1/tasks/" + id).status() == 200);
        return api.get("/v1/tasks/" + id).json();
    }

    /** Every page of the list, two tasks a page, following each page's {@code next}. */
    private List<JsonNode> listAll(String filter) {
        List<JsonNode> tasks = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = api.get("/v1/tasks?limit=2" + filter + after).json();
            assertThat(page.get("tasks").size()).isLessThanOrEqualTo(2);
            page.get("tasks").forEach(tasks::add);
            if (!page.has("next")) {
                return tasks;
            }
            assertThat(page.get("next").asString()).isEqualTo(tasks.get(tasks.size() - 1).get("id").asString());
            after = "&after=" + page.get("next").asString();
        }
    }
}
