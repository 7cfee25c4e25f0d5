package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.api.view.FinishWaiters;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /v1/tasks/{id}?wait=}: the state topic plays the conductor, and the view wakes the waiting reads. */
class LongPollTest extends ApiIntegrationTest {
    /** Well under the 20 s asked for, well over what a wake takes even on a busy machine. */
    private static final Duration EARLY = Duration.ofSeconds(10);

    @Autowired
    FinishWaiters waiters;

    @AfterEach
    void everyWaitHasLeftTheRegistry() {
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.size() == 0);
    }

    @Test
    void aWaitEndsAsSoonAsTheTaskFinishes() throws Exception {
        String id = publishWorkflow(State.RUNNING);
        long start = System.nanoTime();
        CompletableFuture<ApiClient.Response> waiting = api.getLater("/v1/tasks/" + id + "?wait=20s");
        await().atMost(EARLY).until(() -> waiters.size() == 1);

        publish(id, State.SUCCESS);

        ApiClient.Response response = waiting.get(EARLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(EARLY);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state_name").asString()).isEqualTo("success");
        assertThat(response.body()).as("what the plain read answers").isEqualTo(api.get("/v1/tasks/" + id).body());
    }

    @Test
    void aFinishedTaskIsAnsweredAtOnce() {
        String id = publishWorkflow(State.FAILURE);
        long start = System.nanoTime();

        ApiClient.Response response = api.get("/v1/tasks/" + id + "?wait=20s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(EARLY);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(api.get("/v1/tasks/" + id).body());
    }

    @Test
    void aWaitThatRunsOutAnswersTheTaskAsItIs() {
        String id = publishWorkflow(State.RUNNING);
        long start = System.nanoTime();

        // A bare decimal number is seconds, as a sleep node's arg: one duration grammar everywhere.
        ApiClient.Response response = api.get("/v1/tasks/" + id + "?wait=1.5");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state_name").asString()).isEqualTo("running");
    }

    @Test
    void anIdStillUnknownWhenTheWaitEndsIsNotFound() {
        long start = System.nanoTime();

        ApiClient.Response response = api.get("/v1/tasks/" + ids.next() + "?wait=1s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anIdNotKnownYetIsWaitedFor() throws Exception {
        String id = ids.next();
        CompletableFuture<ApiClient.Response> waiting = api.getLater("/v1/tasks/" + id + "?wait=20s");
        await().atMost(EARLY).until(() -> waiters.size() == 1);

        publish(id, State.SUCCESS);

        ApiClient.Response response = waiting.get(EARLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
    }

    @Test
    void aTaskPurgedWhileWaitedForIsNotFound() throws Exception {
        String id = publishWorkflow(State.RUNNING);
        CompletableFuture<ApiClient.Response> waiting = api.getLater("/v1/tasks/" + id + "?wait=20s");
        await().atMost(EARLY).until(() -> waiters.size() == 1);

        kafka.publishState(id, null);

        ApiClient.Response response = waiting.get(EARLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aClientThatLeavesLeavesNoWaiterBehind() {
        String id = publishWorkflow(State.RUNNING);
        CompletableFuture<ApiClient.Response> leaving =
                api.sendLater(api.request("/v1/tasks/" + id + "?wait=3s").timeout(Duration.ofSeconds(1)).GET());
        await().atMost(EARLY).until(() -> waiters.size() == 1);

        await().atMost(EARLY).until(leaving::isDone);

        assertThat(leaving).isCompletedExceptionally();
        // Tomcat notices a client gone only when it writes to it: the wait ends when its time has passed at the latest.
        await().atMost(EARLY).until(() -> waiters.size() == 0);
    }

    @Test
    void aWaitingReadIsObservedLikeAnyRequest() {
        String id = publishWorkflow(State.RUNNING);
        double before = observedReads();

        api.get("/v1/tasks/" + id + "?wait=1s");

        // the observation of an asynchronous request ends with it, just after the answer went out
        await().atMost(EARLY).untilAsserted(() -> assertThat(observedReads()).isEqualTo(before + 1));
    }

    @Test
    void badWaitsAreRejected() {
        String id = ids.next();
        for (String wait : List.of("soon", "-1s", "61s", "1m1s", "PT2M", "PT1S", "5x")) {
            ApiClient.Response response = api.get("/v1/tasks/" + id + "?wait=" + wait);
            assertThat(response.status()).as(wait).isEqualTo(400);
            assertThat(response.contentType()).as(wait).startsWith("application/problem+json");
            assertThat(response.json().get("violations").get(0).get("field").asString()).as(wait).isEqualTo("wait");
        }
    }

    @Test
    void beyondMaxWaitingReadsTheApiAsksToRetryLater() throws Exception {
        String id = publishWorkflow(State.RUNNING);
        List<CompletableFuture<ApiClient.Response>> waiting = List.of(
                api.getLater("/v1/tasks/" + id + "?wait=20s"), api.getLater("/v1/tasks/" + id + "?wait=20s"));
        await().atMost(EARLY).until(() -> waiters.size() == 2);

        ApiClient.Response refused = api.get("/v1/tasks/" + id + "?wait=20s");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        publish(id, State.CANCELED);
        for (CompletableFuture<ApiClient.Response> wait : waiting) {
            assertThat(wait.get(EARLY.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    /** How many reads of a task answered 200, as Spring's HTTP server observation counted them. */
    private double observedReads() {
        ApiClient.Response metric = api.get("/actuator/metrics/http.server.requests?tag=uri:/v1/tasks/%7Bid%7D&tag=status:200");
        assertThat(metric.status()).as(metric.body()).isEqualTo(200);
        return metric.json().get("measurements").get(0).get("value").asDouble();
    }

    private void publish(String id, State state) {
        Instant now = Instant.now();
        kafka.publishState(id, Graphs.seedExample().withId(id).withRun(state, now, state.isFinished() ? now : null, null));
    }
}
