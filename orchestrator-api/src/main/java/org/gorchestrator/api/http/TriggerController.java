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
import java.util.List;
import org.gorchestrator.api.config.ApiSettings;
import org.gorchestrator.api.security.CurrentCaller;
import org.gorchestrator.api.templates.DefinitionNames;
import org.gorchestrator.api.triggers.Trigger;
import org.gorchestrator.api.triggers.TriggerService;
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

/** Triggers: a run of a template for every matching record of a Kafka topic. */
@RestController
@RequestMapping("/v1/triggers")
@Tag(name = "Triggers", description = "Start runs of templates from the records of Kafka topics")
public class TriggerController {
    private final TriggerService triggers;
    private final BodyReader bodies;
    private final ApiSettings config;
    private final CurrentCaller caller;

    public TriggerController(TriggerService triggers, BodyReader bodies, ApiSettings config, CurrentCaller caller) {
        this.triggers = triggers;
        this.bodies = bodies;
        this.config = config;
        this.caller = caller;
    }

    public record TriggerList(List<Trigger> triggers, String next) {}

    @PutMapping(path = "/{name}", consumes = JSON)
    @Operation(operationId = "putTrigger", summary = "Store a trigger", description = "Body: template, topic, inputs (input name → JSON pointer into "
            + "the record's JSON value, e.g. {\"order\": \"/data/id\"}), filter (JSON pointer → the value it must have, all must "
            + "match), paused. Every record written to the topic from now on that passes the filter starts one run, as the caller "
            + "who stored the trigger (its owner). On the workflow events topic the pointers also reach /workflow, the event's "
            + "workflow as the owner may read it. Storing it again replaces it; only its owner or an admin may.")
    @ApiResponse(responseCode = "201", description = "Stored; it fires for records written from now on",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Trigger.class)))
    @ApiResponse(responseCode = "400", description = "Invalid field, unknown or archived template, or an input the template does not "
            + "declare; 'violations' names each", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "A trigger of this name belongs to another subject, or the template uses an engine "
            + "the caller may not use", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<Trigger> put(@PathVariable String name, HttpServletRequest request) {
        Trigger trigger = triggers.put(DefinitionNames.check(name), bodies.read(request), caller.get());
        return ResponseEntity.created(URI.create("/v1/triggers/" + name)).body(trigger);
    }

    @GetMapping
    @Operation(operationId = "listTriggers", summary = "List triggers", description = "By name, one page at a time")
    public TriggerList list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        int size = limit == null ? config.defaultPageSize() : limit;
        if (size < 1 || size > config.maxPageSize()) {
            throw new InvalidParameterException("limit", "must be between 1 and " + config.maxPageSize() + ", was " + limit);
        }
        List<Trigger> page = triggers.list(after, size + 1);
        List<Trigger> shown = page.stream().limit(size).toList();
        return new TriggerList(shown, page.size() > size ? shown.get(size - 1).name() : null);
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getTrigger", summary = "Read a trigger")
    @ApiResponse(responseCode = "404", description = "No trigger of this name",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Trigger get(@PathVariable String name) {
        return triggers.get(name);
    }

    @PostMapping("/{name}/pause")
    @Operation(operationId = "pauseTrigger", summary = "Pause a trigger", description = "It starts nothing until resumed, not even for the "
            + "records written meanwhile; repeating it is harmless")
    public Trigger pause(@PathVariable String name) {
        return triggers.pause(name, true, caller.get());
    }

    @PostMapping("/{name}/resume")
    @Operation(operationId = "resumeTrigger", summary = "Resume a trigger", description = "It fires for records written from now on")
    public Trigger resume(@PathVariable String name) {
        return triggers.pause(name, false, caller.get());
    }

    @DeleteMapping("/{name}")
    @Operation(operationId = "deleteTrigger", summary = "Delete a trigger", description = "It starts nothing more; runs it started go on")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        triggers.delete(name, caller.get());
        return ResponseEntity.noContent().build();
    }
}
