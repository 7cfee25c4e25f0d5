package org.gorchestrator.api.http;

import static org.gorchestrator.api.http.TaskController.JSON;
import static org.gorchestrator.api.http.TaskController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.gorchestrator.api.config.ApiSettings;
import org.gorchestrator.api.security.CurrentCaller;
import org.gorchestrator.api.templates.DefinitionNames;
import org.gorchestrator.api.templates.ScheduleService;
import org.gorchestrator.schedule.Schedule;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cron schedules of templates, fired by the conductor once per tick. */
@RestController
@RequestMapping("/v1/schedules")
@Tag(name = "Schedules", description = "Start runs of templates on a cron schedule")
public class ScheduleController {
    private static final int DEFAULT_NEXT = 5;

    private final ScheduleService schedules;
    private final BodyReader bodies;
    private final ApiSettings config;
    private final CurrentCaller caller;

    public ScheduleController(ScheduleService schedules, BodyReader bodies, ApiSettings config, CurrentCaller caller) {
        this.caller = caller;
        this.schedules = schedules;
        this.bodies = bodies;
        this.config = config;
    }

    /** A schedule and its next fire times. */
    public record ScheduleBody(Schedule schedule, List<Instant> next) {}

    public record ScheduleList(List<ScheduleBody> schedules, String next) {}

    @PutMapping(path = "/{name}", consumes = JSON)
    @Operation(operationId = "putSchedule", summary = "Store a schedule", description = "Body: template, inputs, cron (5 fields, or 6-7 Quartz fields with "
            + "seconds first), time_zone (default UTC), overlap (allow, skip, cancel-previous; default allow), missed (skip, "
            + "run-once, run-all; default skip), max_missed_runs (default 10), paused. Storing it again replaces it. Its runs are "
            + "submitted for the caller who stored it (its owner), who must be allowed the template's engines.")
    @ApiResponse(responseCode = "201", description = "Stored; the conductor fires it from its next tick",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ScheduleBody.class)))
    @ApiResponse(responseCode = "400", description = "Invalid field, unknown or archived template, or inputs the template does not "
            + "take; 'violations' names each", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<ScheduleBody> put(@PathVariable String name, HttpServletRequest request) {
        Schedule schedule = schedules.put(DefinitionNames.check(name), bodies.read(request), caller.get());
        return ResponseEntity.created(URI.create("/v1/schedules/" + name)).body(body(schedule, DEFAULT_NEXT));
    }

    @GetMapping
    @Operation(operationId = "listSchedules", summary = "List schedules", description = "By name, one page at a time, each with its next fire time")
    public ScheduleList list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        int size = limit == null ? config.defaultPageSize() : limit;
        if (size < 1 || size > config.maxPageSize()) {
            throw new InvalidParameterException("limit", "must be between 1 and " + config.maxPageSize() + ", was " + limit);
        }
        List<Schedule> page = schedules.list(after, size + 1);
        List<ScheduleBody> bodies = page.stream().limit(size).map(s -> body(s, 1)).toList();
        return new ScheduleList(bodies, page.size() > size ? bodies.get(size - 1).schedule().name() : null);
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getSchedule", summary = "Read a schedule", description = "With its next fire times ('next' of them, default 5, at most "
            + "gorch.api.start.max-next-ticks); none while paused")
    @ApiResponse(responseCode = "404", description = "No schedule of this name",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ScheduleBody get(@PathVariable String name, @RequestParam(required = false) Integer next) {
        if (next != null && next < 1) {
            throw new InvalidParameterException("next", "must be at least 1, was " + next);
        }
        return body(schedules.get(name), next == null ? DEFAULT_NEXT : next);
    }

    @PostMapping("/{name}/pause")
    @Operation(operationId = "pauseSchedule", summary = "Pause a schedule", description = "It fires no tick until resumed; repeating it is harmless")
    public ScheduleBody pause(@PathVariable String name) {
        return body(schedules.pause(name, true), DEFAULT_NEXT);
    }

    @PostMapping("/{name}/resume")
    @Operation(operationId = "resumeSchedule", summary = "Resume a schedule", description = "It fires from its next tick on; ticks while paused never fire")
    public ScheduleBody resume(@PathVariable String name) {
        return body(schedules.pause(name, false), DEFAULT_NEXT);
    }

    @DeleteMapping("/{name}")
    @Operation(operationId = "deleteSchedule", summary = "Delete a schedule", description = "It fires no more; runs it started go on")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        schedules.delete(name);
        return ResponseEntity.noContent().build();
    }

    private ScheduleBody body(Schedule schedule, int next) {
        return new ScheduleBody(schedule, schedules.next(schedule, next));
    }
}
