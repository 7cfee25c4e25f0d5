package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How often a node is tried and how long to wait between tries: after the k-th failed try the
 * node waits {@code min(initialBackoff * multiplier^(k-1), maxBackoff)} seconds. Failures and node
 * timeouts are retried; a cancel is not.
 *
 * @param attempts       tries in all, the first one included (1 = no retry)
 * @param initialBackoff seconds before the second try
 * @param multiplier     growth of the wait from one try to the next
 * @param maxBackoff     longest wait, in seconds
 */
public record RetryPolicy(
        Integer attempts,
        @JsonProperty("initial_backoff") Double initialBackoff,
        Double multiplier,
        @JsonProperty("max_backoff") Double maxBackoff) {

    public static final RetryPolicy NONE = new RetryPolicy(1, 1.0, 2.0, 60.0);

    public RetryPolicy {
        attempts = attempts == null ? 1 : attempts;
        initialBackoff = initialBackoff == null ? 1.0 : initialBackoff;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxBackoff = maxBackoff == null ? Math.max(60.0, initialBackoff) : maxBackoff;
    }

    /** The wait after {@code failedTries} failed tries (1 for the first failure). */
    public Duration backoff(int failedTries) {
        double seconds = initialBackoff * Math.pow(multiplier, Math.max(0, failedTries - 1));
        return Duration.ofMillis(Math.round(Math.min(seconds, maxBackoff) * 1000));
    }

    /** Why this policy cannot be used, or null when it is fine. */
    public String problem(int maxAttempts, int maxSeconds) {
        if (attempts < 1 || attempts > maxAttempts) {
            return "attempts must be between 1 and " + maxAttempts + ", was " + attempts;
        }
        if (initialBackoff < 0 || maxBackoff < 0 || initialBackoff > maxSeconds || maxBackoff > maxSeconds) {
            return "backoffs must be between 0 and " + maxSeconds + " seconds";
        }
        if (multiplier < 1 || multiplier > 100 || multiplier.isNaN()) {
            return "multiplier must be between 1 and 100, was " + multiplier;
        }
        return null;
    }
}
