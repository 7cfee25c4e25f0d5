package org.gorchestrator.api.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gorchestrator.api.config.AdmissionSettings;
import org.gorchestrator.kafka.Topics;

/** One topic whose records a consumer group has yet to handle: a part of a {@link Backlog}. */
public record BacklogTopic(Backlog backlog, String group, String topic) {
    public BacklogTopic {
        Objects.requireNonNull(backlog, "backlog");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
    }

    /** The topics to watch: the conductor's two inputs, and the node commands of every pool (each pool has its own workers). */
    public static List<BacklogTopic> watched(Topics topics, AdmissionSettings settings) {
        List<BacklogTopic> watched = new ArrayList<>();
        watched.add(new BacklogTopic(Backlog.WORKFLOW_COMMANDS, settings.conductorGroup(), topics.workflowCommands()));
        watched.add(new BacklogTopic(Backlog.NODE_EVENTS, settings.conductorGroup(), topics.nodeEvents()));
        watched.add(new BacklogTopic(Backlog.NODE_COMMANDS, settings.workerGroup(), topics.nodeCommandsOfPool(Topics.DEFAULT_POOL)));
        topics.pools().forEach(pool ->
                watched.add(new BacklogTopic(Backlog.NODE_COMMANDS, settings.workerGroup(), topics.nodeCommandsOfPool(pool))));
        return List.copyOf(watched);
    }
}
