package org.gorchestrator.api.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.gorchestrator.api.config.ApiConfig;
import org.gorchestrator.api.document.DocumentParser;
import org.gorchestrator.api.tasks.TaskPage;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.tasks.WorkflowIds;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed's task API: submit a gorch document, read its run, list runs, cancel a run. */
@RestController
@RequestMapping("/v1/tasks")
@Tag(name = "Tasks", description = "Submit gorch documents, follow their runs, cancel them")
public class TaskController {
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final TaskService tasks;
    private final DocumentParser parser;
    private final BodyReader bodies;
    private final ApiConfig config;

    public TaskController(TaskService tasks, DocumentParser parser, BodyReader bodies, ApiConfig config) {
        this.tasks = tasks;
        this.parser = parser;
        this.bodies = bodies;
        this.config = config;
    }

    @PostMapping(consumes = JSON)
    @Operation(summary = "Submit a gorch document", description = "Validates the document and starts a run of it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = JSON, schema = @Schema(implementation = Graph.class))))
    @ApiResponse(responseCode = "202", description = "Accepted; the run starts shortly",
            headers = @Header(name = "Location", description = "/v1/tasks/{id}"),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskId.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid document; 'violations' names each field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body over gorch.api.max-body-size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The broker did not acknowledge in time",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<TaskId> submit(HttpServletRequest request) {
        String id = tasks.submit(parser.parse(bodies.read(request)));
        return ResponseEntity.accepted().location(URI.create("/v1/tasks/" + id)).body(new TaskId(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a task", description = "The document with the current state, dates and outputs of the graph and of every node.")
    @ApiResponse(responseCode = "200", description = "The task",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Graph.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Graph get(@Parameter(description = "The task's id") @PathVariable String id) {
        return tasks.get(id);
    }

    @GetMapping
    @Operation(summary = "List tasks", description = "Newest first, one page at a time.")
    @ApiResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskList.class)))
    @ApiResponse(responseCode = "400", description = "Invalid limit, cursor or state",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public TaskList list(
            @Parameter(description = "Page size, 1 to gorch.api.max-page-size (default gorch.api.default-page-size)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The 'next' of the previous page")
            @RequestParam(required = false) String after,
            @Parameter(description = "Only tasks in this state, by name (running) or code (2)")
            @RequestParam(required = false) String state) {
        TaskPage page = tasks.list(stateFilter(state), cursor(after), pageSize(limit));
        return new TaskList(page.tasks().stream().map(TaskSummary::of).toList(), page.next());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a task", description = "Stops the run: nodes not finished become canceled. Repeating it is harmless.")
    @ApiResponse(responseCode = "202", description = "The cancel was handed to the conductor",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CancelAccepted.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The task has already finished; nothing was changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting or the broker did not acknowledge in time",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CancelAccepted> cancel(@Parameter(description = "The task's id") @PathVariable String id) {
        tasks.cancel(id);
        return ResponseEntity.accepted().body(CancelAccepted.of(id));
    }

    private int pageSize(Integer limit) {
        if (limit == null) {
            return config.defaultPageSize();
        }
        if (limit < 1 || limit > config.maxPageSize()) {
            throw new InvalidParameterException("limit", "must be between 1 and " + config.maxPageSize() + ", was " + limit);
        }
        return limit;
    }

    private static String cursor(String after) {
        if (after != null && !WorkflowIds.isWellFormed(after)) {
            throw new InvalidParameterException("after", "is not a task id; pass the 'next' of the previous page");
        }
        return after;
    }

    private static Optional<State> stateFilter(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(State.parse(state));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("state", e.getMessage() + "; use a name such as running or a code such as 2");
        }
    }
}
