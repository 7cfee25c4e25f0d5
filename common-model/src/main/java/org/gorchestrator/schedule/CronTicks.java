package org.gorchestrator.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instants a cron expression names in a time zone. Five fields are a Unix expression (minute precision);
 * six or seven are a Quartz one, seconds first. Parsing and the calendar are cron-utils'; a tick is an instant,
 * so a wall-clock time that occurs twice when clocks go back fires once (at its first occurrence), and one that
 * does not occur when they go forward does not fire that day; an hourly expression fires every real hour.
 */
public final class CronTicks {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final ExecutionTime execution;
    private final ZoneId zone;

    private CronTicks(ExecutionTime execution, ZoneId zone) {
        this.execution = execution;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException saying what is wrong with the expression or the zone */
    public static CronTicks of(String expression, String timeZone) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required");
        }
        String trimmed = expression.trim();
        int fields = trimmed.split("\\s+").length;
        CronParser parser = switch (fields) {
            case 5 -> UNIX;
            case 6, 7 -> QUARTZ;
            default -> throw new IllegalArgumentException("'" + trimmed + "' has " + fields
                    + " fields; write 5 (minute hour day month weekday) or 6-7 (Quartz, seconds first)");
        };
        Cron cron;
        try {
            cron = parser.parse(trimmed).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid cron expression: " + e.getMessage(), e);
        }
        return new CronTicks(ExecutionTime.forCron(cron), zone(timeZone));
    }

    public static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + timeZone + "' is not a time zone; write e.g. UTC or Europe/Paris", e);
        }
    }

    /** The first tick strictly after {@code after}, if the expression names any. */
    public Optional<Instant> next(Instant after) {
        // cron-utils keeps the fraction of a second it starts from: ticks are on whole seconds
        ZonedDateTime from = after.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        return execution.nextExecution(from).map(ZonedDateTime::toInstant)
                // cron-utils may answer the same instant again across a DST change: never go back or stay
                .flatMap(next -> next.isAfter(after) ? Optional.of(next) : execution.nextExecution(from.plusSeconds(1))
                        .map(ZonedDateTime::toInstant).filter(later -> later.isAfter(after)));
    }

    /** Up to {@code count} ticks after {@code after}, in order. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> ticks = new ArrayList<>(count);
        Optional<Instant> tick = next(after);
        while (tick.isPresent() && ticks.size() < count) {
            ticks.add(tick.get());
            tick = next(tick.get());
        }
        return ticks;
    }
}
