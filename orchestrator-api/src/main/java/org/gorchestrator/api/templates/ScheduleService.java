package org.gorchestrator.api.templates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.json.Json;
import org.gorchestrator.schedule.MissedPolicy;
import org.gorchestrator.schedule.OverlapPolicy;
import org.gorchestrator.schedule.Schedule;
import org.gorchestrator.template.Template;
import org.gorchestrator.template.TemplateRuns;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.InvalidGraphException;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;
import tools.jackson.core.JacksonException;

/**
 * Stores schedules on their compacted topic, which the conductor fires from; reads them with their next fire times.
 * A schedule is checked when stored (its template exists and takes its inputs, its cron expression and time zone
 * are valid), so a tick fails only if its template changed since.
 */
public final class ScheduleService {
    static final String KIND = "schedule";

    private final NamedStore<Schedule> store;
    private final TemplateService templates;
    private final DefinitionPublisher publisher;
    private final String topic;
    private final StartProperties limits;
    private final Clock clock;

    public ScheduleService(NamedStore<Schedule> store, TemplateService templates, DefinitionPublisher publisher, String topic,
                           StartProperties limits, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.publisher = publisher;
        this.topic = topic;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Stores the schedule, owned by the caller: the conductor submits its runs for them.
     *
     * @throws InvalidGraphException or UnreadableDocumentException naming each field that is wrong
     * @throws org.gorchestrator.api.tasks.EngineNotAllowedException when the template uses an engine that is not the caller's
     */
    public Schedule put(String name, byte[] body, Caller caller) {
        ScheduleRequest request = read(body);
        List<Violation> found = new ArrayList<>();
        OverlapPolicy overlap = parse(request.overlap(), OverlapPolicy::parse, "overlap", found);
        MissedPolicy missed = parse(request.missed(), MissedPolicy::parse, "missed", found);
        Schedule schedule = new Schedule(name, request.template(), request.inputs(), request.cron(), request.timeZone(), overlap,
                missed, request.maxMissedRuns(), Boolean.TRUE.equals(request.paused()), clock.instant(),
                caller.identity() == null ? null : caller.identity().subject());
        check(schedule, caller, found);
        if (!found.isEmpty()) {
            throw new InvalidGraphException(found);
        }
        publisher.publish(topic, name, schedule);
        return schedule;
    }

    public Schedule get(String name) {
        return store.find(name).orElseThrow(() -> new DefinitionNotFoundException(KIND, name));
    }

    public List<Schedule> list(String after, int limit) {
        return store.list(after, limit);
    }

    /** The next {@code count} fire times after now (none while paused). */
    public List<Instant> next(Schedule schedule, int count) {
        return schedule.paused() ? List.of() : schedule.ticks().next(clock.instant(), Math.min(count, limits.maxNextTicks()));
    }

    /** Pauses or resumes: a resumed schedule fires from now on, its ticks while paused count as missed by nobody. */
    public Schedule pause(String name, boolean pause) {
        Schedule changed = get(name).withPaused(pause, clock.instant());
        publisher.publish(topic, name, changed);
        return changed;
    }

    /** Removes the schedule (a tombstone): it fires no more; runs already started go on. */
    public void delete(String name) {
        get(name);
        publisher.publish(topic, name, null);
    }

    private void check(Schedule schedule, Caller caller, List<Violation> found) {
        try {
            if (schedule.ticks().next(clock.instant(), 1).isEmpty()) {
                found.add(new Violation("cron", "'" + schedule.cron() + "' never fires (no such date, e.g. February 30); a schedule that "
                        + "never fires would start nothing without a word"));
            }
        } catch (IllegalArgumentException e) {
            found.add(new Violation(e.getMessage().contains("time zone") ? "time_zone" : "cron", e.getMessage()));
        }
        if (schedule.maxMissedRuns() < 1 || schedule.maxMissedRuns() > limits.maxMissedRuns()) {
            found.add(new Violation("max_missed_runs", "must be between 1 and " + limits.maxMissedRuns() + ", was " + schedule.maxMissedRuns()));
        }
        if (schedule.template() == null || schedule.template().isBlank()) {
            found.add(new Violation("template", "name the template to run"));
            return;
        }
        try {
            Template template = templates.usable(schedule.template());
            template.latest().ifPresent(latest -> caller.checkEngines(
                    TemplateRuns.instantiate(template.name(), latest, schedule.inputs(), schedule.name())));
        } catch (DefinitionNotFoundException | TemplateArchivedException e) {
            found.add(new Violation("template", e.getBody().getDetail()));
        } catch (InvalidGraphException e) {
            found.addAll(e.violations());
        }
    }

    private static <T> T parse(String text, Function<String, T> parser, String field, List<Violation> found) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            found.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    private static ScheduleRequest read(byte[] body) {
        try {
            ScheduleRequest request = Json.read(body, ScheduleRequest.class);
            if (request == null) {
                throw new UnreadableDocumentException(new Violation("body", "send a schedule (a JSON object)"));
            }
            return request;
        } catch (JacksonException e) {
            throw DocumentReader.unreadable(e);
        }
    }
}
