package org.gorchestrator.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;

/**
 * Every topic of {@link Topics} with the serdes of its records: the one place where a topic's name
 * meets its record types. Every topic is keyed by workflow id (node logs by a workflow's node
 * attempt, {@link LogChunk#key()}).
 */
public record TypedTopics(Topics topics) {
    private static final Serde<String> KEYS = Serdes.String();

    public TypedTopics {
        Objects.requireNonNull(topics, "topics");
    }

    public static TypedTopics of(Topics topics) {
        return new TypedTopics(topics);
    }

    /** Submit and cancel, from the API to the conductor. */
    public Topic<String, WorkflowCommand> workflowCommands() {
        return new Topic<>(topics.workflowCommands(), KEYS, JsonSerde.of(WorkflowCommand.class));
    }

    /** The node commands of worker pool {@code pool} ({@link Topics#nodeCommandsOfPool}). */
    public Topic<String, NodeCommand> nodeCommands(String pool) {
        return new Topic<>(topics.nodeCommandsOfPool(pool), KEYS, JsonSerde.of(NodeCommand.class));
    }

    /** Started, succeeded, failed, from the workers to the conductor. */
    public Topic<String, NodeEvent> nodeEvents() {
        return new Topic<>(topics.nodeEvents(), KEYS, JsonSerde.of(NodeEvent.class));
    }

    /** Every state change as a CloudEvent, for the API and other systems. */
    public Topic<String, WorkflowEvent> workflowEvents() {
        return new Topic<>(topics.workflowEvents(), KEYS, new CloudEventSerde());
    }

    /** Each workflow's latest document, as the JSON bytes the conductor stored: readers keep them as they are. */
    public Topic<String, byte[]> workflowState() {
        return new Topic<>(topics.workflowState(), KEYS, Serdes.ByteArray());
    }

    /** Kill requests for running attempts, from the conductor to every worker. */
    public Topic<String, NodeKill> nodeControl() {
        return new Topic<>(topics.nodeControl(), KEYS, JsonSerde.of(NodeKill.class));
    }

    /** Output lines of every attempt, from the workers to the API. */
    public Topic<String, LogChunk> nodeLogs() {
        return new Topic<>(topics.nodeLogs(), KEYS, JsonSerde.of(LogChunk.class));
    }
}
