package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The "started" report of one attempt, sent only once the attempt has run for a delay. An attempt
 * that ends sooner reports only how it ended (that event carries its start time): each event is a
 * transaction's worth of work for the conductor, and for a node that takes a few milliseconds the
 * "running" state it would show is gone before anyone could read it.
 *
 * <p>The report and the attempt's end are decided under one lock, so the "started" event, when it
 * goes, is handed to the producer before the final event is: both go to the same partition, in order.
 */
final class StartReport {
    /**
     * One timer thread for every worker of the process: sending is all it does, and a send returns at
     * once unless the producer has no metadata yet (its first send, or the broker gone). Reports queued
     * behind a blocked send wait; an attempt that ends meanwhile reports only its end, as a short one does.
     */
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final Runnable send;
    private boolean decided;
    private ScheduledFuture<?> timer;

    private StartReport(Runnable send) {
        this.send = send;
    }

    /** Sends {@code send} after {@code delay} unless {@link #attemptEnded()} comes first; at once for a zero delay. */
    static StartReport after(Duration delay, Runnable send) {
        StartReport report = new StartReport(send);
        if (delay.isZero()) {
            report.sendUnlessEnded();
        } else {
            // Only the attempt's own thread reads the timer (in attemptEnded): no lock needed to set it.
            report.timer = TIMERS.schedule(report::sendUnlessEnded, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return report;
    }

    private synchronized void sendUnlessEnded() {
        if (!decided) {
            decided = true;
            send.run();
        }
    }

    /** The attempt ended: its "started" goes no more or, if it went, is already with the producer when this returns. */
    synchronized void attemptEnded() {
        decided = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "gorch-worker-start-reports");
            thread.setDaemon(true);
            return thread;
        });
        // Most reports are cancelled (their attempt ended first): drop them from the queue at once.
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
