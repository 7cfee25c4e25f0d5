package org.gorchestrator.conductor.config;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies of an exception: it is replaced, so a passing fault (a
 * broker away longer than {@code task.timeout.ms}, a fenced transaction) costs a restart of the
 * thread from its last commit rather than the conductor; only when threads keep dying ({@code
 * replacements} within {@code window}) does the client shut down, readiness and liveness turn
 * down, and whatever supervises the process restarts it. Kafka Streams' own default shuts the
 * client down at the first failure, so one outage stopped every workflow for good.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final int replacements;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Deque<Long> recent = new ArrayDeque<>();

    StreamThreadFailures(int replacements, Duration window, LongSupplier nanoTime) {
        this.replacements = replacements;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        long now = nanoTime.getAsLong();
        while (!recent.isEmpty() && now - recent.peekFirst() > windowNanos) {
            recent.removeFirst();
        }
        if (recent.size() >= replacements) {
            LOG.error("a stream thread failed, the {}th time within {}: shutting the conductor's Kafka Streams client down",
                    recent.size() + 1, window(), exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        LOG.error("a stream thread failed; replacing it, it resumes from the last commit", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private Duration window() {
        return Duration.ofNanos(windowNanos);
    }
}
