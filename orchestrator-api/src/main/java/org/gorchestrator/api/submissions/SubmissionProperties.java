package org.gorchestrator.api.submissions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
 * @param retryBackoff pause before a request is tried again when the broker, the view or admission said "later"
 */
@Validated
@ConfigurationProperties("gorch.api.submissions")
public record SubmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("gorch-api-submissions") @NotBlank String groupId,
        @DefaultValue("1") @Min(1) @Max(64) int concurrency,
        @DefaultValue("1s") Duration retryBackoff) {

    public SubmissionProperties {
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("gorch.api.submissions.retry-backoff must be positive, was " + retryBackoff);
        }
    }
}
