package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.worker.runtime.FinalReports.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class FinalReportsTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final NodeEvent.Succeeded SUCCEEDED = new NodeEvent.Succeeded("wf", 3, 2, "w1", 0, Map.of("IP", "10.0.0.1"),
            T0.minusSeconds(5), T0.minusSeconds(1));
    private static final ReportRetry QUICK = new ReportRetry(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ZERO);

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final ScriptedSender sender = new ScriptedSender();
    private FinalReports reports = new FinalReports(sender, QUICK, now::get);

    @AfterEach
    void stop() {
        reports.stop();
    }

    @Test
    void anEventKafkaTakesAtOnceIsSentOnce() throws Exception {
        assertThat(outcomeOf(reports.deliver(SUCCEEDED, "tp", T0.plusSeconds(60)))).isEqualTo(Outcome.DELIVERED);

        assertThat(sender.sent()).containsExactly(SUCCEEDED);
    }

    @Test
    void anEventKafkaRefusedForAWhileIsSentAgainUntilKafkaTakesIt() throws Exception {
        sender.failNext(refused(), refused(), refused());

        assertThat(outcomeOf(reports.deliver(SUCCEEDED, "tp", T0.plusSeconds(60)))).isEqualTo(Outcome.DELIVERED);

        assertThat(sender.sent()).hasSize(4).containsOnly(SUCCEEDED);
        assertThat(sender.traceparents()).containsOnly("tp");
    }

    @Test
    void aResultKafkaCanNeverTakeIsReportedFailedSayingWhyWithoutItsOutputs() throws Exception {
        sender.failNext(new UnpublishableEventException("result of 2000000 bytes exceeds the producer's max.request.size (1048576)",
                null));

        assertThat(outcomeOf(reports.deliver(SUCCEEDED, "tp", T0.plusSeconds(60)))).isEqualTo(Outcome.DELIVERED);

        assertThat(sender.sent()).hasSize(2);
        assertThat(sender.sent().get(1)).isEqualTo(new NodeEvent.Failed("wf", 3, 2, "w1", 0,
                "result of 2000000 bytes exceeds the producer's max.request.size (1048576)", SUCCEEDED.startedAt(), SUCCEEDED.at()));
    }

    @Test
    void aTimedOutAttemptTooLargeToReportIsReportedFailedWithoutAnExitCode() {
        NodeEvent.TimedOut timedOut = new NodeEvent.TimedOut("wf", 1, 1, "w1", "timed out after 1s", T0, T0.plusSeconds(1));

        assertThat(FinalReports.failedInstead(timedOut, "too large"))
                .isEqualTo(new NodeEvent.Failed("wf", 1, 1, "w1", null, "too large", T0, T0.plusSeconds(1)));
    }

    @Test
    void whenTheFailedEventCannotBePublishedEitherTheReportIsGivenUp() throws Exception {
        sender.failNext(new UnpublishableEventException("too large", null), new UnpublishableEventException("too large", null));

        assertThat(outcomeOf(reports.deliver(SUCCEEDED, "tp", T0.plusSeconds(60)))).isEqualTo(Outcome.GAVE_UP);

        assertThat(sender.sent()).hasSize(2);
    }

    @Test
    void aReportStillRefusedAtItsDeadlineIsGivenUpAndNotSentAgain() throws Exception {
        sender.refuseAlwaysTakingASecondEach(now);

        assertThat(outcomeOf(reports.deliver(SUCCEEDED, "tp", T0.plusMillis(2500)))).isEqualTo(Outcome.GAVE_UP);

        // Tries at 0 s and 1 s failed with time left; the one at 2 s failed at 3 s, past the deadline.
        assertThat(sender.sent()).hasSize(3);
        Thread.sleep(50); // several backoffs: a report not given up would have gone again
        assertThat(sender.sent()).hasSize(3);
    }

    @Test
    void theLastTryComesAtTheDeadlineRatherThanAfterAFullBackoff() throws Exception {
        reports = new FinalReports(sender, new ReportRetry(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ZERO), now::get);
        sender.failNext(refused());

        assertThat(outcomeOf(reports.deliver(SUCCEEDED, "tp", T0.plusMillis(100)))).isEqualTo(Outcome.DELIVERED);

        assertThat(sender.sent()).hasSize(2);
    }

    @Test
    void stoppingDropsTheReportsUnderWayAndSendsThemNoMore() throws Exception {
        sender.refuseAlways();
        CompletableFuture<Outcome> outcome = reports.deliver(SUCCEEDED, "tp", T0.plusSeconds(60));
        await().atMost(Duration.ofSeconds(5)).until(() -> sender.sent().size() >= 3);

        reports.stop();

        assertThat(outcomeOf(outcome)).isEqualTo(Outcome.DROPPED);
        assertThat(Outcome.DROPPED.releasesRecord()).as("its command runs again on the partition's next owner").isFalse();
        int sentWhenStopped = sender.sent().size();
        Thread.sleep(50); // several backoffs
        assertThat(sender.sent()).hasSize(sentWhenStopped);
    }

    @Test
    void awaitsTheReportsUnderWayOnlyUpToTheLimit() {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        sender.answerNext(ack);
        reports.deliver(SUCCEEDED, "tp", T0.plusSeconds(60));

        assertThat(reports.awaitSettled(Duration.ofMillis(20))).isFalse();

        ack.complete(null);
        assertThat(reports.awaitSettled(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void waitsDoubleUpToTheMaxBackoff() {
        BackOffExecution waits = new ReportRetry(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO).backOffs();

        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            first.add(waits.nextBackOff());
        }

        assertThat(first).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
    }

    @Test
    void theDeadlineIsTheAttemptsTimeLimitPlusTheGraceFromItsStart() {
        ReportRetry retry = new ReportRetry(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(retry.deadline(T0, Duration.ofMinutes(10))).isEqualTo(T0.plusSeconds(630));
    }

    private static Outcome outcomeOf(CompletableFuture<Outcome> outcome) throws InterruptedException, ExecutionException, TimeoutException {
        return outcome.get(5, TimeUnit.SECONDS);
    }

    private static RuntimeException refused() {
        return new IllegalStateException("could not publish: NotEnoughReplicasException");
    }

    /** Answers each send as scripted: the scripted answers first, then the default one. */
    private static final class ScriptedSender implements FinalReports.Sender {
        private final List<NodeEvent> sent = new ArrayList<>();
        private final List<String> traceparents = new ArrayList<>();
        private final Deque<CompletableFuture<Void>> next = new ArrayDeque<>();
        private Runnable eachSend = () -> {};
        private boolean refuseAlways;

        synchronized void failNext(RuntimeException... failures) {
            for (RuntimeException failure : failures) {
                next.add(CompletableFuture.failedFuture(failure));
            }
        }

        synchronized void answerNext(CompletableFuture<Void> answer) {
            next.add(answer);
        }

        synchronized void refuseAlways() {
            refuseAlways = true;
        }

        /** Every send fails, a second after it was made by {@code clock}. */
        synchronized void refuseAlwaysTakingASecondEach(AtomicReference<Instant> clock) {
            refuseAlways = true;
            eachSend = () -> clock.updateAndGet(t -> t.plusSeconds(1));
        }

        synchronized List<NodeEvent> sent() {
            return List.copyOf(sent);
        }

        synchronized List<String> traceparents() {
            return List.copyOf(traceparents);
        }

        @Override
        public synchronized CompletableFuture<Void> send(NodeEvent event, String traceparent) {
            sent.add(event);
            traceparents.add(traceparent);
            eachSend.run();
            if (!next.isEmpty()) {
                return next.poll();
            }
            return refuseAlways ? CompletableFuture.failedFuture(refused()) : CompletableFuture.completedFuture(null);
        }
    }
}
