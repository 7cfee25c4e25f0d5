package org.gorchestrator.conductor.schedules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code gorch.conductor.schedules.*}, mapped onto {@link SchedulerSettings} (whose checks apply). */
@Validated
@ConfigurationProperties("gorch.conductor.schedules")
public record SchedulesProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration lateAfter,
        @DefaultValue("1d") Duration maxCatchUp,
        @DefaultValue("200ms") Duration precision) {

    public SchedulerSettings toSettings() {
        return new SchedulerSettings(lateAfter, maxCatchUp, precision);
    }
}
