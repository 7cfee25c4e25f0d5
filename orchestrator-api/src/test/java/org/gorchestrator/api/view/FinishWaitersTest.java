package org.gorchestrator.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class FinishWaitersTest {
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final byte[] RUNNING = document(State.RUNNING);
    private static final byte[] SUCCEEDED = document(State.SUCCESS);

    private final FinishWaiters waiters = new FinishWaiters(100);

    @Test
    void aFinishedStateWakesTheWorkflowsWaitersOnly() {
        CompletableFuture<Void> first = waiters.await("a", LONG);
        CompletableFuture<Void> second = waiters.await("a", LONG);
        CompletableFuture<Void> other = waiters.await("b", LONG);

        waiters.stored("a", SUCCEEDED);

        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        assertThat(other).isNotDone();
        assertThat(waiters.size()).isEqualTo(1);
    }

    @Test
    void anUnfinishedStateWakesNobody() {
        CompletableFuture<Void> waiting = waiters.await("a", LONG);

        waiters.stored("a", RUNNING);

        assertThat(waiting).isNotDone();
        assertThat(waiters.size()).isEqualTo(1);
    }

    @Test
    void aPurgeWakes() {
        CompletableFuture<Void> waiting = waiters.await("a", LONG);

        waiters.stored("a", null);

        assertThat(waiting).isCompleted();
        assertThat(waiters.size()).isZero();
    }

    @Test
    void anUnreadableDocumentWakesSoTheReadReportsIt() {
        CompletableFuture<Void> waiting = waiters.await("a", LONG);

        waiters.stored("a", "not json".getBytes());

        assertThat(waiting).isCompleted();
    }

    @Test
    void stoppingWakesEveryWaitingReadAndEveryLaterOne() {
        CompletableFuture<Void> first = waiters.await("a", LONG);
        CompletableFuture<Void> second = waiters.await("b", LONG);

        waiters.wakeAll();

        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        assertThat(waiters.await("c", LONG)).isCompleted();
        assertThat(waiters.size()).isZero();
    }

    @Test
    void theWaitEndsWhenItsTimeHasPassed() {
        CompletableFuture<Void> waiting = waiters.await("a", Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);

        assertThat(waiting).isCompleted();
        assertThat(waiters.size()).isZero();
    }

    @Test
    void aCanceledWaitLeaves() {
        CompletableFuture<Void> waiting = waiters.await("a", LONG);

        waiting.cancel(false);

        assertThat(waiters.size()).isZero();
    }

    @Test
    void noMoreThanMaxWaitAtOnce() {
        FinishWaiters two = new FinishWaiters(2);
        CompletableFuture<Void> first = two.await("a", LONG);
        two.await("b", LONG);

        assertThatThrownBy(() -> two.await("c", LONG)).isInstanceOf(TooManyWaitingReadsException.class).hasMessageContaining("2 reads");

        first.cancel(false);
        assertThat(two.await("c", LONG)).isNotDone();
    }

    /**
     * Readers wait, then read the "store", as the API does; a writer stores finished states, then tells the waiters, as the view
     * does. Whatever the interleaving, a reader that did not see its workflow finished in the store is woken.
     */
    @Test
    void aWaiterThatReadsAfterRegisteringNeverMissesTheUpdate() throws Exception {
        int workflows = 2_000;
        int readers = 4;
        Map<String, byte[]> store = new ConcurrentHashMap<>();
        FinishWaiters registry = new FinishWaiters(workflows * readers);
        ExecutorService threads = Executors.newFixedThreadPool(readers + 1);
        try {
            List<Future<List<CompletableFuture<Void>>>> waits = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                waits.add(threads.submit(() -> {
                    List<CompletableFuture<Void>> unfinished = new ArrayList<>();
                    for (int i = 0; i < workflows; i++) {
                        CompletableFuture<Void> waiting = registry.await("wf-" + i, LONG);
                        if (store.get("wf-" + i) == SUCCEEDED) {
                            waiting.cancel(false); // answered at once
                        } else {
                            unfinished.add(waiting);
                        }
                    }
                    return unfinished;
                }));
            }
            threads.submit(() -> {
                for (int i = 0; i < workflows; i++) {
                    store.put("wf-" + i, SUCCEEDED);
                    registry.stored("wf-" + i, SUCCEEDED);
                }
            }).get(30, TimeUnit.SECONDS);
            for (Future<List<CompletableFuture<Void>>> wait : waits) {
                assertThat(wait.get(30, TimeUnit.SECONDS)).allSatisfy(waiting -> assertThat(waiting).isCompleted());
            }
            assertThat(registry.size()).isZero();
            // every wait that ended gave its place back
            List<CompletableFuture<Void>> again = new ArrayList<>();
            for (int i = 0; i < workflows * readers; i++) {
                again.add(registry.await("again-" + i, LONG));
            }
            again.forEach(waiting -> waiting.cancel(false));
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] document(State state) {
        return Json.write(Graphs.seedExample().withId("wf").withRun(state, Instant.now(), state.isFinished() ? Instant.now() : null, null));
    }
}
