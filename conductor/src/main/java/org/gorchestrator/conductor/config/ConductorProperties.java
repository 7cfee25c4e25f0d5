package org.gorchestrator.conductor.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.gorchestrator.conductor.topology.ConductorSettings;
import org.gorchestrator.engine.EngineSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.conductor.*}.
 *
 * @param enabled        run a conductor in this process
 * @param applicationId  the Kafka Streams application id; conductors with the same id share the work
 * @param streamThreads  Kafka Streams threads in this process
 * @param commitInterval how often a transaction commits: workers read committed commands only, so it is most of the hand-off between nodes
 * @param retention      how long a finished workflow stays readable before it is purged
 * @param stateDir       where the RocksDB state lives (empty: spring.kafka.streams.state-dir, else a temp dir)
 * @param instanceId     this conductor's static membership in its group (Kafka's group.instance.id, each stream thread
 *                       adding its number), or none: dynamic. Kafka Streams never leaves its group on its own, so a
 *                       restarted dynamic member waits for its predecessor's session to time out (45 s by default);
 *                       a static one takes its place at once, and a clean stop removes it from the group. Unique among
 *                       running conductors: a second one with the same id fences the first
 * @param graphTimeout   how long a graph may run when its document sets no timeout (the seed's 5 minutes)
 * @param nodeTimeout    how long one attempt may take when its node sets no timeout
 * @param reportGrace    how long past a node's timeout the conductor waits for the worker's report
 * @param tickInterval   how often deadlines and retry times are checked: their precision
 * @param liveStateNodes how many nodes of running workflows each stream task keeps decoded in memory
 *                       (about 1 kB each, with their JSON), so that an event neither parses nor serializes its
 *                       workflow's whole document; 0 turns it off
 * @param publishInterval how long a running workflow's node changes may wait to reach the state topic (and so GET)
 *                       together, its latest document once; its own state changes go at once; 0 sends every change
 * @param threadReplacements how many failed stream threads are replaced within {@code threadReplacementWindow}
 *                       before the conductor's Streams client shuts down (and its health turns down)
 * @param threadReplacementWindow the window in which failed stream threads are counted
 * @param maxWorkflowOutputsSize most bytes (as JSON) the captured output values of one workflow take together, and the
 *                       args of one node once resolved; must be well under gorch.kafka.max-message-size, which bounds
 *                       the workflow's whole state
 * @param deadLetterTopic where the input records the conductor refuses go, each with its reason (created at start-up
 *                       like the gorch.kafka topics, with as many partitions)
 * @param deadLetterRetention how long the dead-letter topic keeps a refused record
 * @param partsRetention how long the parts of a command wait for the rest of their send before they are removed
 */
@Validated
@ConfigurationProperties("gorch.conductor")
public record ConductorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("gorch-conductor") @NotBlank String applicationId,
        @DefaultValue("1") @Min(1) int streamThreads,
        @DefaultValue("20ms") Duration commitInterval,
        @DefaultValue("7d") Duration retention,
        String stateDir,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,200}") String instanceId,
        @DefaultValue("5m") Duration graphTimeout,
        @DefaultValue("1h") Duration nodeTimeout,
        @DefaultValue("30s") Duration reportGrace,
        @DefaultValue("250ms") Duration tickInterval,
        @DefaultValue("200000") @Min(0) int liveStateNodes,
        @DefaultValue("100ms") Duration publishInterval,
        @DefaultValue("10") @Min(0) int threadReplacements,
        @DefaultValue("10m") Duration threadReplacementWindow,
        @DefaultValue("2MB") @NotNull DataSize maxWorkflowOutputsSize,
        @DefaultValue(ConductorSettings.DEFAULT_DEAD_LETTER_TOPIC) @NotBlank String deadLetterTopic,
        @DefaultValue("14d") @NotNull Duration deadLetterRetention,
        @DefaultValue("10m") @NotNull Duration partsRetention) {

    /**
     * The settings for state records of at most {@code recordBytes} (gorch.kafka.max-message-size) and commands of at
     * most {@code commandBytes} (gorch.kafka.max-command-size).
     */
    public ConductorSettings toSettings(int recordBytes, long commandBytes) {
        EngineSettings engine = new EngineSettings(graphTimeout, nodeTimeout, reportGrace, maxWorkflowOutputsSize.toBytes());
        return new ConductorSettings(engine, tickInterval, retention, liveStateNodes, publishInterval, ConductorSettings.stateBytesIn(recordBytes),
                deadLetterTopic, commandBytes, partsRetention);
    }
}
