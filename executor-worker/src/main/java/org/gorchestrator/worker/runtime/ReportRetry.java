package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long and how often a worker tries again to publish the final event of an attempt that Kafka
 * did not take. It tries until the conductor stops waiting for the report: the attempt's time limit
 * plus a grace after its start (the conductor's {@code gorch.conductor.report-grace}); by then the
 * conductor has timed the attempt out itself, and a report would be dropped as stale.
 *
 * @param backoff    the wait before the first retry; each later wait doubles, up to {@code maxBackoff}
 * @param maxBackoff the longest wait between two tries
 * @param grace      how long past the attempt's time limit, counted from its start, the worker keeps trying
 */
public record ReportRetry(Duration backoff, Duration maxBackoff, Duration grace) {
    private static final double MULTIPLIER = 2;

    public ReportRetry {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(grace, "grace");
        if (backoff.toMillis() < 1 || maxBackoff.compareTo(backoff) < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("report retries need a backoff of at least 1ms, a max backoff not below it and a grace "
                    + "not negative, were " + backoff + ", " + maxBackoff + " and " + grace);
        }
    }

    /** The waits between the tries of one report. */
    BackOffExecution backOffs() {
        ExponentialBackOff backOff = new ExponentialBackOff(backoff.toMillis(), MULTIPLIER);
        backOff.setMaxInterval(maxBackoff.toMillis());
        // The deadline ends the tries, not a count or a sum of waits.
        backOff.setMaxAttempts(Long.MAX_VALUE);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff.start();
    }

    /** When the worker gives up the report of an attempt that started at {@code startedAt}. */
    Instant deadline(Instant startedAt, Duration timeLimit) {
        return startedAt.plus(timeLimit).plus(grace);
    }
}
