package org.gorchestrator.api.submissions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.api.submissions.*}: the API instances' consumer group on {@code gorch.submissions}.
 *
 * @param enabled      whether this instance reads the topic at all
 * @param groupId      the consumer group; every API instance of one system shares it
 * @param concurrency  consumers in this instance (more than the topic's partitions idle)
 * @param instanceId   this instance's static membership in the group (Kafka's group.instance.id, each consumer adding
 *                     {@code -<n>}), or none: a restarted instance then takes its partitions back at once, even after
 *                     a crash, instead of leaving them to the dead one until its session ends; unique per instance
 * @param retryBackoff pause before a request is tried again when the broker, the view or admission said "later"
 */
@Validated
@ConfigurationProperties("gorch.api.submissions")
public record SubmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("gorch-api-submissions") @NotBlank String groupId,
        @DefaultValue("1") @Min(1) @Max(64) int concurrency,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,200}") String instanceId,
        @DefaultValue("1s") Duration retryBackoff) {

    public SubmissionProperties {
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("gorch.api.submissions.retry-backoff must be positive, was " + retryBackoff);
        }
    }
}
