package org.gorchestrator.api.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The body of {@code PUT /v1/schedules/{name}}; checked field by field by {@link ScheduleService}. */
public record ScheduleRequest(
        String template,
        Map<String, String> inputs,
        String cron,
        @JsonProperty("time_zone") String timeZone,
        String overlap,
        String missed,
        @JsonProperty("max_missed_runs") Integer maxMissedRuns,
        Boolean paused) {}
