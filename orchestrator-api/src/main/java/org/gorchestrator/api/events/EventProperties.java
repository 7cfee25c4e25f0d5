package org.gorchestrator.api.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.api.events.*}: the live streams of workflow events and task changes.
 *
 * @param maxFollowers   most event streams this instance serves at once (each holds a thread)
 * @param countsInterval how often at most a task-list stream recounts the tasks by state while they change
 */
@Validated
@ConfigurationProperties("gorch.api.events")
public record EventProperties(@DefaultValue("256") @Min(1) int maxFollowers, @DefaultValue("1s") @NotNull Duration countsInterval) {
    public EventProperties {
        if (maxFollowers < 1) {
            throw new IllegalArgumentException("maxFollowers must be positive, was " + maxFollowers);
        }
        if (countsInterval == null || countsInterval.isNegative() || countsInterval.isZero()) {
            throw new IllegalArgumentException("countsInterval must be positive, was " + countsInterval);
        }
    }
}
