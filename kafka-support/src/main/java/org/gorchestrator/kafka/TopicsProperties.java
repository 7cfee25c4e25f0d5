package org.gorchestrator.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.kafka.*}: topic names and settings, mapped onto {@link Topics}; {@code handOffRetention} is how long the
 * topics between the services keep their records ({@link Topics#newTopics}); {@code maxCommandSize} is the most bytes
 * of a workflow command sent in parts ({@link RecordParts}): the API refuses a larger one, the conductor a larger join.
 */
@Validated
@ConfigurationProperties("gorch.kafka")
public record TopicsProperties(
        @DefaultValue("gorch.workflow-commands") @NotBlank String workflowCommandsTopic,
        @DefaultValue("gorch.node-commands") @NotBlank String nodeCommandsTopic,
        @DefaultValue("gorch.node-events") @NotBlank String nodeEventsTopic,
        @DefaultValue("gorch.workflow-events") @NotBlank String workflowEventsTopic,
        @DefaultValue("gorch.workflow-state") @NotBlank String workflowStateTopic,
        @DefaultValue("gorch.node-control") @NotBlank String nodeControlTopic,
        @DefaultValue("gorch.node-logs") @NotBlank String nodeLogsTopic,
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("12") @Min(1) int nodeCommandPartitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("7d") Duration eventRetention,
        @DefaultValue("8MB") DataSize maxMessageSize,
        @DefaultValue("7d") Duration logRetention,
        List<String> pools,
        @DefaultValue("12h") Duration handOffRetention,
        @DefaultValue("64MB") DataSize maxCommandSize) {

    public TopicsProperties {
        if (handOffRetention.isNegative() || handOffRetention.isZero()) {
            throw new IllegalArgumentException("gorch.kafka.hand-off-retention must be positive, was " + handOffRetention);
        }
        if (maxCommandSize.toBytes() <= 0) {
            throw new IllegalArgumentException("gorch.kafka.max-command-size must be positive, was " + maxCommandSize);
        }
    }

    public Topics toTopics() {
        return new Topics(workflowCommandsTopic, nodeCommandsTopic, nodeEventsTopic, workflowEventsTopic, workflowStateTopic,
                nodeControlTopic, nodeLogsTopic, partitions, nodeCommandPartitions, replicationFactor, eventRetention,
                (int) maxMessageSize.toBytes(), logRetention, pools);
    }
}
