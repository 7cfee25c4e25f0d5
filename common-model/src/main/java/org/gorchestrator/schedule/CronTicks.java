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
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instants a cron expression names in a time zone. Five fields are a Unix expression (minute precision);
 * six or seven are a Quartz one, seconds first. Parsing and the calendar are cron-utils'; a tick is an instant,
 * and a local time fires once: one that occurs twice when clocks go back fires at its first occurrence only (so an
 * hourly expression skips the repeated hour), one that does not occur when they go forward does not fire that day.
 */
public final class CronTicks {
    /** Enough to step over a repeated hour and a tick equal to the start: never more than a few. */
    private static final int MAX_ATTEMPTS = 8;
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
        Instant from = after.truncatedTo(ChronoUnit.SECONDS);
        // cron-utils may answer the instant it started from across a DST change; a repeated local time is jumped over
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<ZonedDateTime> next = execution.nextExecution(from.atZone(zone));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Instant at = next.get().toInstant();
            if (isRepeat(next.get())) {
                from = endOfOverlap(next.get());
            } else if (!at.isAfter(after)) {
                from = from.plusSeconds(1);
            } else {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** A local time that occurs for the second time, in the hour clocks went back: it fired at its first occurrence. */
    private static boolean isRepeat(ZonedDateTime tick) {
        return !tick.withEarlierOffsetAtOverlap().toInstant().equals(tick.toInstant());
    }

    /** The last second of the repeated hour, so the search goes on from the first local time that occurs once. */
    private Instant endOfOverlap(ZonedDateTime tick) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(tick.toLocalDateTime());
        return transition.getDateTimeBefore().atOffset(transition.getOffsetAfter()).toInstant().minusSeconds(1);
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
