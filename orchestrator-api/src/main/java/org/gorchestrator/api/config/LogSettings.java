package org.gorchestrator.api.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How node logs are followed.
 *
 * @param finishGrace  how long a followed log stays open after its node finished, waiting for chunks
 *                     still on their way, when no chunk marked last arrives
 * @param maxFollowers most logs this instance streams at once (each holds a thread)
 */
public record LogSettings(Duration finishGrace, int maxFollowers) {
    public LogSettings {
        Objects.requireNonNull(finishGrace, "finishGrace");
        if (finishGrace.isNegative()) {
            throw new IllegalArgumentException("finishGrace must not be negative, was " + finishGrace);
        }
        if (maxFollowers < 1) {
            throw new IllegalArgumentException("maxFollowers must be positive, was " + maxFollowers);
        }
    }
}
