package org.gorchestrator.api.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a submission the broker did not confirm in time may still reach it, and how long its outcome is remembered.
 *
 * @param timeout      the producer's {@code delivery.timeout.ms}: past it, an unconfirmed command has failed for good
 * @param outcomesKept most unconfirmed submissions whose outcome this instance remembers
 * @param outcomesTtl  how long it remembers each; at least {@code timeout}, so an outcome is not forgotten before it is known
 */
public record DeliverySettings(Duration timeout, int outcomesKept, Duration outcomesTtl) {
    public DeliverySettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(outcomesTtl, "outcomesTtl");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and below 24 days, was " + timeout);
        }
        if (outcomesKept < 1) {
            throw new IllegalArgumentException("outcomesKept must be positive, was " + outcomesKept);
        }
        if (outcomesTtl.compareTo(timeout) < 0) {
            throw new IllegalArgumentException("outcomesTtl (" + outcomesTtl + ") must be at least the delivery timeout (" + timeout + ")");
        }
    }
}
