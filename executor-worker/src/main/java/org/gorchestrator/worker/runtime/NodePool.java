package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.Cancellation;
import org.gorchestrator.time.Durations;
import org.gorchestrator.worker.runtime.InFlightOffsets.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs nodes on at most {@code concurrency} threads. While every slot is taken it pauses the
 * consumer, which keeps polling, so the worker stays in its group however long a node runs, but
 * takes no more records; it resumes when a slot frees. A node killed before it starts is skipped.
 */
final class NodePool {
    private static final Logger LOG = LoggerFactory.getLogger(NodePool.class);

    private final WorkerSettings config;
    private final AttemptRunner attempts;
    private final InFlightOffsets offsets;
    private final RunningAttempts running;
    private final Runnable pauseIntake;
    private final Runnable resumeIntake;
    private final ThreadPoolExecutor executor;
    private int taken; // submitted and not finished; guarded by this
    private volatile boolean stopping;

    NodePool(WorkerSettings config, AttemptRunner attempts, InFlightOffsets offsets, RunningAttempts running, Runnable pauseIntake,
             Runnable resumeIntake) {
        this.config = config;
        this.attempts = attempts;
        this.offsets = offsets;
        this.running = running;
        this.pauseIntake = pauseIntake;
        this.resumeIntake = resumeIntake;
        this.executor = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("gorch-worker-node-"));
    }

    /**
     * Queues the node, to run in the trace of {@code traceparent} (null: none); once the worker is
     * stopping it is dropped, uncommitted, for the next owner of its partition.
     */
    synchronized void submit(Ticket ticket, NodeCommand command, String traceparent) {
        if (stopping) {
            return;
        }
        if (++taken == config.concurrency()) {
            pauseIntake.run();
        }
        executor.execute(() -> run(ticket, command, traceparent));
    }

    synchronized int busy() {
        return taken;
    }

    boolean isStopping() {
        return stopping;
    }

    /** Takes no more nodes, waits for the running ones up to the shutdown grace, then kills the rest unreported. */
    void shutdown() {
        synchronized (this) {
            stopping = true;
            pauseIntake.run();
        }
        executor.shutdown();
        if (awaitIdle(config.shutdownGrace())) {
            return;
        }
        LOG.warn("{} nodes still run after the shutdown grace of {}; killing them, other workers will run them again",
                running.size(), Durations.format(config.shutdownGrace()));
        running.abandonAll();
        // A kill takes up to two graces (TERM, then KILL) and the output readers up to two more.
        if (!awaitIdle(config.killGrace().multipliedBy(4).plusSeconds(1))) {
            LOG.warn("nodes still run after being killed; interrupting them");
            executor.shutdownNow();
        }
    }

    private void run(Ticket ticket, NodeCommand command, String traceparent) {
        try {
            if (!stopping && offsets.owns(ticket)) {
                attempt(ticket, command, traceparent);
            }
        } finally {
            release();
        }
    }

    private void attempt(Ticket ticket, NodeCommand command, String traceparent) {
        AttemptId id = AttemptId.of(command);
        Cancellation cancellation = new Cancellation();
        if (!running.begin(id, cancellation)) {
            LOG.info("not starting {}: it was killed", id);
            offsets.finish(ticket);
            return;
        }
        try {
            attempts.run(command, traceparent, cancellation).ifPresent(report -> report.thenAccept(outcome -> {
                if (outcome.releasesRecord()) {
                    offsets.finish(ticket);
                }
            }));
        } catch (RuntimeException e) {
            // Held, the record would hold back every later record of its partition for good.
            LOG.error("{} broke, unreported; its record is released, the conductor times the attempt out", id, e);
            offsets.finish(ticket);
        } finally {
            running.end(cancellation);
        }
    }

    private synchronized void release() {
        if (taken-- == config.concurrency() && !stopping) {
            resumeIntake.run();
        }
    }

    private boolean awaitIdle(Duration limit) {
        try {
            return executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
