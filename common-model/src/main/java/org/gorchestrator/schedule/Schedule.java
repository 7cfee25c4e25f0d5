package org.gorchestrator.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A schedule: start a run of {@code template} with {@code inputs} at every tick of {@code cron} in {@code time_zone}.
 * The value of its record (keyed by name) on the compacted schedules topic, which the conductor fires from.
 * {@code updated} is when it was last stored: ticks before it never fire. {@code owner} is who stored it, once
 * requests are authenticated (null until then).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(
        String name,
        String template,
        Map<String, String> inputs,
        String cron,
        @JsonProperty("time_zone") String timeZone,
        OverlapPolicy overlap,
        MissedPolicy missed,
        @JsonProperty("max_missed_runs") Integer maxMissedRuns,
        boolean paused,
        Instant updated,
        String owner) {

    public static final int DEFAULT_MAX_MISSED_RUNS = 10;

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updated, "updated");
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
        overlap = overlap == null ? OverlapPolicy.ALLOW : overlap;
        missed = missed == null ? MissedPolicy.SKIP : missed;
        maxMissedRuns = maxMissedRuns == null ? DEFAULT_MAX_MISSED_RUNS : maxMissedRuns;
    }

    /** @throws IllegalArgumentException when the cron expression or the time zone is invalid */
    public CronTicks ticks() {
        return CronTicks.of(cron, timeZone);
    }

    /** The workflow id of this schedule's run for {@code tick}: the same for every conductor and every retry. */
    public static String runId(String schedule, Instant tick) {
        return org.gorchestrator.model.DerivedIds.of("gorch-schedule:" + schedule + "@" + tick.toEpochMilli());
    }

    public Schedule withPaused(boolean pause, Instant at) {
        return new Schedule(name, template, inputs, cron, timeZone, overlap, missed, maxMissedRuns, pause, at, owner);
    }
}
