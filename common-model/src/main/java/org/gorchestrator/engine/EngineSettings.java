package org.gorchestrator.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's defaults.
 *
 * @param graphTimeout time a graph may run when its document sets none (the seed's 5 minutes)
 * @param nodeTimeout  time one attempt may take when its node sets none
 * @param reportGrace  how long past a node's timeout the conductor waits for the worker's report
 *                     before it declares the attempt timed out itself (the worker died silently)
 */
public record EngineSettings(Duration graphTimeout, Duration nodeTimeout, Duration reportGrace) {
    public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30));

    public EngineSettings {
        Objects.requireNonNull(graphTimeout, "graphTimeout");
        Objects.requireNonNull(nodeTimeout, "nodeTimeout");
        Objects.requireNonNull(reportGrace, "reportGrace");
        if (graphTimeout.isNegative() || graphTimeout.isZero() || nodeTimeout.isNegative() || nodeTimeout.isZero() || reportGrace.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive and the grace not negative");
        }
    }
}
