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
 * @param maxStateBytes  the largest workflow document the conductor keeps and publishes: the record limit (the
 *                       producer's max.request.size) less {@link #RECORD_ALLOWANCE} for the key, headers and
 *                       record overhead. A change that would make one larger fails the workflow instead
 * @param deadLetterTopic where the input records the conductor refuses go ({@link DeadLetters})
 * @param maxCommandBytes the most bytes a command sent in parts may join into ({@link CommandParts}): it is held whole
 *                       in memory once joined
 * @param partsRetention  how long the parts of a command wait for the rest of their send before they are removed
 */
public record ConductorSettings(EngineSettings engine, Duration tickInterval, Duration retention, int liveStateNodes,
        Duration publishInterval, long maxStateBytes, String deadLetterTopic, long maxCommandBytes, Duration partsRetention) {
    /** Room in a record for what is not the document: the workflow id as key, the trace headers, the batch overhead. */
    public static final int RECORD_ALLOWANCE = 16 * 1024;
    /** The default record limit of the topics (gorch.kafka.max-message-size). */
    private static final int DEFAULT_RECORD_BYTES = 8 * 1024 * 1024;
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "gorch.dead-letters";
    public static final long DEFAULT_MAX_COMMAND_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_PARTS_RETENTION = Duration.ofMinutes(10);
    public static final ConductorSettings DEFAULTS =
            new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250), Duration.ofDays(7), 200_000, Duration.ofMillis(100));

    public ConductorSettings {
        Objects.requireNonNull(engine, "engine");
        if (deadLetterTopic == null || deadLetterTopic.isBlank()) {
            throw new IllegalArgumentException("the dead-letter topic must be named");
        }
        for (Duration d : new Duration[] {tickInterval, retention, partsRetention}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("tick interval, retention and parts retention must be positive");
            }
        }
        if (publishInterval == null || publishInterval.isNegative()) {
            throw new IllegalArgumentException("publish interval must not be negative, was " + publishInterval);
        }
        if (maxCommandBytes <= 0) {
            throw new IllegalArgumentException("max command bytes must be positive, was " + maxCommandBytes);
        }
        if (liveStateNodes < 0) {
            throw new IllegalArgumentException("live state nodes must not be negative, was " + liveStateNodes);
        }
        if (engine.maxOutputsBytes() >= maxStateBytes) {
            throw new IllegalArgumentException("a workflow's outputs (at most " + engine.maxOutputsBytes()
                    + " bytes, max-workflow-outputs-size) must fit in its state record (at most " + maxStateBytes
                    + " bytes: max-message-size less " + RECORD_ALLOWANCE + ")");
        }
    }

    /** Settings for records of the default size, and the default dead-letter topic. */
    public ConductorSettings(EngineSettings engine, Duration tickInterval, Duration retention, int liveStateNodes, Duration publishInterval) {
        this(engine, tickInterval, retention, liveStateNodes, publishInterval, stateBytesIn(DEFAULT_RECORD_BYTES), DEFAULT_DEAD_LETTER_TOPIC);
    }

    /** Settings with the default bounds on commands sent in parts. */
    public ConductorSettings(EngineSettings engine, Duration tickInterval, Duration retention, int liveStateNodes, Duration publishInterval,
                             long maxStateBytes, String deadLetterTopic) {
        this(engine, tickInterval, retention, liveStateNodes, publishInterval, maxStateBytes, deadLetterTopic, DEFAULT_MAX_COMMAND_BYTES,
                DEFAULT_PARTS_RETENTION);
    }

    /** The largest document a record of {@code recordBytes} holds. */
    public static long stateBytesIn(int recordBytes) {
        return recordBytes - (long) RECORD_ALLOWANCE;
    }

    public ConductorSettings withMaxStateBytes(long bytes) {
        return new ConductorSettings(engine, tickInterval, retention, liveStateNodes, publishInterval, bytes, deadLetterTopic, maxCommandBytes,
                partsRetention);
    }
}
