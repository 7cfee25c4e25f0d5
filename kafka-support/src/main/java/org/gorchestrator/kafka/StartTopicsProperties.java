package org.gorchestrator.kafka;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.kafka.templates-topic}, {@code schedules-topic}, {@code schedule-runs-topic}, {@code submissions-topic} and
 * {@code triggers-topic}, mapped onto {@link StartTopics}.
 */
@Validated
@ConfigurationProperties("gorch.kafka")
public record StartTopicsProperties(
        @DefaultValue("gorch.templates") @NotBlank String templatesTopic,
        @DefaultValue("gorch.schedules") @NotBlank String schedulesTopic,
        @DefaultValue("gorch.schedule-runs") @NotBlank String scheduleRunsTopic,
        @DefaultValue("gorch.submissions") @NotBlank String submissionsTopic,
        @DefaultValue("gorch.triggers") @NotBlank String triggersTopic) {

    public StartTopics toStartTopics() {
        return new StartTopics(templatesTopic, schedulesTopic, scheduleRunsTopic, submissionsTopic, triggersTopic);
    }
}
