package org.gorchestrator.kafka;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of the ways to start a run other than posting a document: stored templates and schedules
 * (compacted, keyed by name, read whole by every API instance and by the conductor).
 *
 * @param templates   template name → the template with its versions (compacted)
 * @param schedules   schedule name → the schedule (compacted); the conductor fires them
 * @param scheduleRuns the conductor's own: schedule name → a run it started has finished (for the overlap policies);
 *                     partitioned like {@code schedules}, as the conductor reads both in one task
 * @param submissions  the public command topic: CloudEvents {@code org.gorchestrator.workflow.submit.v1}, read by the API
 * @param triggers     trigger name → the trigger (compacted); the API starts runs from the records of their topics
 */
public record StartTopics(String templates, String schedules, String scheduleRuns, String submissions, String triggers) {
    public static final StartTopics DEFAULTS = new StartTopics("gorch.templates", "gorch.schedules", "gorch.schedule-runs",
            "gorch.submissions", "gorch.triggers");

    public StartTopics {
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(scheduleRuns, "scheduleRuns");
        Objects.requireNonNull(submissions, "submissions");
        Objects.requireNonNull(triggers, "triggers");
    }

    /** The topics to create when missing, with the partitions, replicas and sizes of {@code base}. */
    public List<NewTopic> newTopics(Topics base) {
        Map<String, String> compacted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(base.maxMessageBytes()));
        Map<String, String> deleteAfterRetention = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(base.eventRetention().toMillis()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(base.maxMessageBytes()));
        return List.of(
                new NewTopic(templates, 1, base.replicationFactor()).configs(compacted),
                new NewTopic(schedules, base.partitions(), base.replicationFactor()).configs(compacted),
                new NewTopic(scheduleRuns, base.partitions(), base.replicationFactor()).configs(deleteAfterRetention),
                new NewTopic(submissions, base.partitions(), base.replicationFactor()).configs(deleteAfterRetention),
                new NewTopic(triggers, 1, base.replicationFactor()).configs(compacted));
    }
}
