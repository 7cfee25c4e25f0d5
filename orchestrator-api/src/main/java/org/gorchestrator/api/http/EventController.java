package org.gorchestrator.api.http;

import static org.gorchestrator.api.http.TaskController.JSON;
import static org.gorchestrator.api.http.TaskController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gorchestrator.api.events.WorkflowEventService;
import org.gorchestrator.api.security.CurrentCaller;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.model.Graph;
import org.gorchestrator.validation.DocumentReader;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live streams for the console and any other client, and the check of a document without submitting it. */
@RestController
@Tag(name = "Events", description = "Follow runs live, and check documents before submitting them")
public class EventController {
    private static final String SSE = MediaType.TEXT_EVENT_STREAM_VALUE;
    /** A stream is closed when it is complete or the client leaves, never on a timer. */
    private static final long NO_TIMEOUT = 0;

    private final WorkflowEventService events;
    private final TaskService tasks;
    private final DocumentReader documents;
    private final BodyReader bodies;
    private final CurrentCaller caller;

    public EventController(WorkflowEventService events, TaskService tasks, DocumentReader documents, BodyReader bodies,
                           CurrentCaller caller) {
        this.caller = caller;
        this.events = events;
        this.tasks = tasks;
        this.documents = documents;
        this.bodies = bodies;
    }

    @GetMapping(path = "/v1/tasks/{id}/events", produces = SSE)
    @Operation(summary = "Follow a task's events", description = "Server-Sent Events: the task's CloudEvents, the same JSON as on "
            + "gorch.workflow-events (workflow.submitted, node.dispatched, node.started, node.succeeded, ... workflow.finished), "
            + "first those already published, then new ones as they come. Each is an unnamed event whose one data line is the "
            + "CloudEvent and whose id orders the task's events (their offset on the topic). After workflow.finished an event "
            + "'end' (data 'finished') closes the stream, and so does 'end' with 'purged' when the task is removed; a stream "
            + "closed without it may be opened again with the header Last-Event-ID (EventSource sends it by itself): then only "
            + "the events after that one come. Applying the events in order rebuilds the task (duplicates change nothing).")
    @ApiResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = SSE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Invalid Last-Event-ID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting, or this instance serves gorch.api.events.max-followers "
            + "streams already; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public SseEmitter taskEvents(
            @Parameter(description = "The task's id") @PathVariable String id,
            @Parameter(in = ParameterIn.HEADER, description = "The id of the last event the client has: the stream starts after it")
            @RequestHeader(name = LastEventId.HEADER, required = false) String lastEventId) {
        long after = LastEventId.parse(lastEventId);
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        events.follow(id, after, new SseEventSink(emitter), caller.get());
        return emitter;
    }

    @GetMapping(path = "/v1/tasks/stream", produces = SSE)
    @Operation(summary = "Follow the task list", description = "Server-Sent Events for a list of runs kept live: first 'counts' "
            + "(how many tasks are in each state, by state name), then 'task' (a task as it is now, as in the list) each time "
            + "a task changes, 'removed' ({\"id\"}) when one is purged, 'counts' again when the numbers changed (at most once "
            + "per gorch.api.events.counts-interval), and 'reset' when too many tasks changed at once to tell them one by one: "
            + "read the list again.")
    @ApiResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = SSE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "503", description = "The view is starting, or this instance serves gorch.api.events.max-followers "
            + "streams already; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public SseEmitter taskList() {
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        events.followTasks(new SseTaskChangeSink(emitter), caller.get());
        return emitter;
    }

    @PostMapping(path = "/v1/validate", consumes = JSON, produces = JSON)
    @Operation(summary = "Check a gorch document", description = "The same checks as a submission (POST /v1/tasks), starting "
            + "nothing: the console draws a document and shows its violations before it is submitted.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = JSON, schema = @Schema(implementation = Graph.class))))
    @ApiResponse(responseCode = "200", description = "The document would be accepted",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Validated.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid document; 'violations' names each field, node or cycle",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body over gorch.api.max-body-size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Validated validate(HttpServletRequest request) {
        Graph document = documents.read(bodies.read(request));
        tasks.validate(document);
        return new Validated(true, document.nodes().size());
    }

    /** The answer to a document that passed every check. */
    public record Validated(boolean valid, int nodes) {}
}
