package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gorchestrator.message.NodeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Delivers the final event of each attempt, however long Kafka refuses it, up to a deadline. An
 * event Kafka did not take goes again after a backoff: sending twice is safe, the conductor drops
 * repeated reports of an attempt. An event Kafka can never take (too large) is replaced by a
 * "failed" event that says why. Past the deadline the report is given up: by then the conductor has
 * timed the attempt out itself, and the command's record, kept uncommitted, would hold back every
 * later record of its partition.
 * <p>
 * The tries wait on a timer thread of this class, not on a node thread: a node's slot frees once its
 * event is handed over, as when Kafka takes it at once. Retrying does not hold up the intake, then;
 * the producer does, once its buffer is full ({@code buffer.memory}): a node's send then waits.
 */
final class FinalReports {
    private static final Logger LOG = LoggerFactory.getLogger(FinalReports.class);

    /** How a report ended. */
    enum Outcome {
        /** Kafka took the event, or the "failed" event that replaced it. */
        DELIVERED,
        /** Not delivered by the deadline. */
        GAVE_UP,
        /** The worker stopped first: the command runs again on the next owner of its partition. */
        DROPPED;

        /** Whether the command's record may be committed. */
        boolean releasesRecord() {
            return this != DROPPED;
        }
    }

    /** Sends one event; never throws. */
    interface Sender {
        /**
         * @return completes when Kafka has the event; exceptionally with an {@link UnpublishableEventException} when
         * Kafka can never take it, with any other exception when it may later
         */
        CompletableFuture<Void> send(NodeEvent event, String traceparent);
    }

    private final Sender sender;
    private final ReportRetry retry;
    private final InstantSource clock;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "gorch-worker-report-retries");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Report> unsettled = ConcurrentHashMap.newKeySet();

    FinalReports(Sender sender, ReportRetry retry, InstantSource clock) {
        this.sender = sender;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Sends the final event {@code ended} now and again until Kafka takes it or {@code deadline} passes.
     *
     * @return how the report ended; never completes exceptionally
     */
    CompletableFuture<Outcome> deliver(NodeEvent ended, String traceparent, Instant deadline) {
        Report report = new Report(ended, traceparent, deadline);
        unsettled.add(report);
        report.outcome.whenComplete((outcome, error) -> unsettled.remove(report));
        report.send();
        return report.outcome;
    }

    /** Waits up to {@code limit} for every report under way to end; false if some did not. */
    boolean awaitSettled(Duration limit) {
        CompletableFuture<?>[] pending = unsettled.stream().map(report -> report.outcome).toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(pending).get(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The worker stops: no more tries; the reports under way end {@link Outcome#DROPPED}. */
    void stop() {
        timer.shutdownNow();
        unsettled.forEach(report -> report.outcome.complete(Outcome.DROPPED));
    }

    /** One attempt's report; one send of it is under way at a time, so its fields need no lock. */
    private final class Report {
        private final NodeEvent ended;
        private final String traceparent;
        private final Instant deadline;
        private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        private NodeEvent event;
        private BackOffExecution backOffs; // from the first failure: most reports never need one
        private int tries;

        private Report(NodeEvent ended, String traceparent, Instant deadline) {
            this.ended = ended;
            this.traceparent = traceparent;
            this.deadline = deadline;
            this.event = ended;
        }

        private void send() {
            if (outcome.isDone()) {
                return; // dropped while it waited
            }
            tries++;
            sender.send(event, traceparent).whenComplete((sent, error) -> {
                if (error == null) {
                    delivered();
                } else {
                    failed(error);
                }
            });
        }

        private void delivered() {
            if (outcome.complete(Outcome.DELIVERED) && tries > 1) {
                LOG.info("{} published after {} tries", NodeEventPublisher.describe(event), tries);
            }
        }

        private void failed(Throwable error) {
            if (error instanceof UnpublishableEventException never) {
                unpublishable(never);
                return;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                giveUp("its deadline " + deadline + " passed", error);
                return;
            }
            if (backOffs == null) {
                backOffs = retry.backOffs();
                LOG.warn("could not publish {}, trying again until {}: {}", NodeEventPublisher.describe(event), deadline,
                        NestedExceptionUtils.getMostSpecificCause(error).toString());
            }
            tryAgainIn(Math.min(backOffs.nextBackOff(), left.toMillis()));
        }

        /** Reports the attempt failed, saying why, instead; gives up when that cannot be published either. */
        private void unpublishable(UnpublishableEventException never) {
            if (event != ended) {
                giveUp("the event replacing it cannot be published either", never);
                return;
            }
            LOG.warn("{} can never be published, reporting the attempt failed instead: {}", NodeEventPublisher.describe(ended),
                    never.getMessage());
            event = failedInstead(ended, never.getMessage());
            // Not sent from here: this may be the producer's network thread, which a send must not hold up.
            tryAgainIn(0);
        }

        private void tryAgainIn(long millis) {
            try {
                timer.schedule(this::send, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                outcome.complete(Outcome.DROPPED); // stopping
            }
        }

        private void giveUp(String why, Throwable error) {
            if (outcome.complete(Outcome.GAVE_UP)) {
                LOG.error("gave up reporting {} after {} tries, {}: {}. Its command's record is released, so that later records of its "
                        + "partition commit; the conductor times the attempt out and retries or fails the node by its rules",
                        NodeEventPublisher.describe(ended), tries, why, NestedExceptionUtils.getMostSpecificCause(error).toString());
            }
        }
    }

    /** The attempt reported as failed with {@code why}, without outputs, and with its times and exit code. */
    static NodeEvent failedInstead(NodeEvent ended, String why) {
        if (ended instanceof NodeEvent.Succeeded s) {
            return new NodeEvent.Failed(s.workflowId(), s.nodeId(), s.attempt(), s.worker(), s.exitCode(), why, s.startedAt(), s.at());
        }
        if (ended instanceof NodeEvent.Failed f) {
            return new NodeEvent.Failed(f.workflowId(), f.nodeId(), f.attempt(), f.worker(), f.exitCode(), why, f.startedAt(), f.at());
        }
        if (ended instanceof NodeEvent.TimedOut t) {
            return new NodeEvent.Failed(t.workflowId(), t.nodeId(), t.attempt(), t.worker(), null, why, t.startedAt(), t.at());
        }
        throw new IllegalArgumentException("not a final event: " + ended);
    }
}
