package org.gorchestrator.api.templates;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.api.start.*}: the bounds of templates and schedules.
 *
 * @param maxTemplateVersions versions of a template kept; storing one more drops the oldest
 * @param maxMissedRuns       largest {@code max_missed_runs} a schedule may ask for
 * @param maxNextTicks        most next fire times a read of a schedule may ask for
 */
@Validated
@ConfigurationProperties("gorch.api.start")
public record StartProperties(
        @DefaultValue("50") @Min(1) @Max(1000) int maxTemplateVersions,
        @DefaultValue("100") @Min(1) @Max(10000) int maxMissedRuns,
        @DefaultValue("100") @Min(1) @Max(1000) int maxNextTicks) {}
