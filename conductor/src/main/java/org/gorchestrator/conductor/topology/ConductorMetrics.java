package org.gorchestrator.conductor.topology;

import java.time.Instant;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.message.EngineInput;

/** What the conductor reports about each decision it applied; the Micrometer adapter lives in the config package. */
@FunctionalInterface
public interface ConductorMetrics {
    ConductorMetrics NONE = (input, decision, now) -> { };

    /** {@code decision} was applied for {@code input} at wall-clock time {@code now}. */
    void applied(EngineInput input, Decision decision, Instant now);

    /** A record for {@code topic} could not be written, for {@code reason}; see {@link UnwritableRecords}. */
    default void unwritable(String topic, String reason) {
    }

    /** An input record was refused, for {@code reason} ({@link RejectReason#label()}), and dead-lettered; see {@link DeadLetters}. */
    default void rejected(String reason) {
    }
}
