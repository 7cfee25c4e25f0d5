package org.gorchestrator.conductor.topology;

import java.time.Duration;
import java.util.Objects;
import org.gorchestrator.engine.EngineSettings;

/**
 * What the topology needs to know besides topic names.
 *
 * @param engine        the engine's default timeouts
 * @param tickInterval  how often due timers (deadlines, retries) are looked for: their precision
 * @param retention     how long a finished workflow is kept before it is purged from the store and the state topic
 * @param liveStateNodes how many nodes of running workflows each task keeps decoded in memory, beside its store
 * @param publishInterval how long a workflow's node changes may wait to reach the state topic together (zero: each at once)
 */
public record ConductorSettings(EngineSettings engine, Duration tickInterval, Duration retention, int liveStateNodes,
        Duration publishInterval) {
    public static final ConductorSettings DEFAULTS =
            new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250), Duration.ofDays(7), 200_000, Duration.ofMillis(100));

    public ConductorSettings {
        Objects.requireNonNull(engine, "engine");
        for (Duration d : new Duration[] {tickInterval, retention}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("tick interval and retention must be positive");
            }
        }
        if (publishInterval == null || publishInterval.isNegative()) {
            throw new IllegalArgumentException("publish interval must not be negative, was " + publishInterval);
        }
        if (liveStateNodes < 0) {
            throw new IllegalArgumentException("live state nodes must not be negative, was " + liveStateNodes);
        }
    }
}
