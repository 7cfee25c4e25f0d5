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
 * @param maxOutputsBytes most JSON bytes the captured output values of one workflow's nodes take together, and
 *                     the args of one node once its get_attribute references are resolved: a workflow's state is
 *                     one record, so what workers report must not grow it past the record limit. A success report
 *                     that would go over it fails its attempt instead, and its outputs are not kept
 */
public record EngineSettings(Duration graphTimeout, Duration nodeTimeout, Duration reportGrace, long maxOutputsBytes) {
    /** Well under the default 8 MB record, beside a document of up to 4 MB (the API's default bound). */
    public static final long DEFAULT_MAX_OUTPUTS_BYTES = 2L * 1024 * 1024;
    public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30));

    public EngineSettings {
        Objects.requireNonNull(graphTimeout, "graphTimeout");
        Objects.requireNonNull(nodeTimeout, "nodeTimeout");
        Objects.requireNonNull(reportGrace, "reportGrace");
        if (graphTimeout.isNegative() || graphTimeout.isZero() || nodeTimeout.isNegative() || nodeTimeout.isZero() || reportGrace.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive and the grace not negative");
        }
        if (maxOutputsBytes <= 0) {
            throw new IllegalArgumentException("the outputs limit must be positive, was " + maxOutputsBytes);
        }
    }

    /** Settings with the default outputs limit. */
    public EngineSettings(Duration graphTimeout, Duration nodeTimeout, Duration reportGrace) {
        this(graphTimeout, nodeTimeout, reportGrace, DEFAULT_MAX_OUTPUTS_BYTES);
    }

    public EngineSettings withMaxOutputsBytes(long bytes) {
        return new EngineSettings(graphTimeout, nodeTimeout, reportGrace, bytes);
    }
}
