package org.gorchestrator.api.triggers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.api.triggers.*}: the API instances' consumer group on the topics triggers read.
 *
 * @param enabled      whether this instance starts runs of triggers at all (it stores and reads them either way)
 * @param groupId      the consumer group; every API instance of one system shares it
 * @param instanceId   this instance's static membership in the group (as gorch.api.submissions.instance-id), or none
 * @param refresh      how often the instance reads the stored triggers for changed topics
 * @param retryBackoff pause before a record is tried again when the broker, the view or admission said "later"
 */
@Validated
@ConfigurationProperties("gorch.api.triggers")
public record TriggerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("gorch-api-triggers") @NotBlank String groupId,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,200}") String instanceId,
        @DefaultValue("1s") Duration refresh,
        @DefaultValue("1s") Duration retryBackoff) {

    public TriggerProperties {
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("gorch.api.triggers.refresh must be positive, was " + refresh);
        }
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("gorch.api.triggers.retry-backoff must be positive, was " + retryBackoff);
        }
    }
}
