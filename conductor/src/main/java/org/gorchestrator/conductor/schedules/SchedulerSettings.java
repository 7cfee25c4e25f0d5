package org.gorchestrator.conductor.schedules;

import java.time.Duration;
import java.util.Objects;

/**
 * How the conductor fires schedules.
 *
 * @param lateAfter  a tick fired later than this after its time counts as missed (the conductor was down or busy), and
 *                   its schedule's missed-tick policy decides whether it runs
 * @param maxCatchUp ticks older than this are never fired, whatever the policy: it bounds the walk over the ticks missed
 * @param precision  how soon after its time a tick fires at the latest while the conductor runs
 */
public record SchedulerSettings(Duration lateAfter, Duration maxCatchUp, Duration precision) {
    public static final SchedulerSettings DEFAULTS = new SchedulerSettings(Duration.ofSeconds(30), Duration.ofDays(1), Duration.ofMillis(200));

    public SchedulerSettings {
        Objects.requireNonNull(lateAfter, "lateAfter");
        Objects.requireNonNull(maxCatchUp, "maxCatchUp");
        Objects.requireNonNull(precision, "precision");
        if (lateAfter.isNegative() || maxCatchUp.compareTo(lateAfter) < 0 || precision.isNegative() || precision.isZero()) {
            throw new IllegalArgumentException("late-after must be >= 0, max-catch-up >= late-after, precision > 0");
        }
    }
}
