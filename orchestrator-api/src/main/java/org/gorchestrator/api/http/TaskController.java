package org.gorchestrator.api.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.gorchestrator.api.config.ApiSettings;
import org.gorchestrator.api.security.CurrentCaller;
import org.gorchestrator.api.tasks.Accepted;
import org.gorchestrator.api.tasks.IdempotencyKey;
import org.gorchestrator.api.tasks.TaskPage;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.tasks.WaitingReads;
import org.gorchestrator.api.tasks.WorkflowIds;
import org.gorchestrator.api.view.NodePage;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.time.Durations;
import org.gorchestrator.validation.DocumentReader;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** The seed's task API and more: submit a gorch document, read its run, list runs, cancel or rerun a run. */
@RestController
@RequestMapping("/v1/tasks")
@Tag(name = "Tasks", description = "Submit gorch documents, follow their runs, cancel and rerun them")
public class TaskController {
    static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Duration CONTAINER_TIMEOUT_MARGIN = Duration.ofSeconds(10);
    private static final String IDEMPOTENCY = """
            With an Idempotency-Key header, the task id is derived from the key (such ids do not sort by \
            time), so repeating the request is safe: the same key with the same document (compared after \
            parsing: whitespace and field order do not matter) answers 200 with the same id and starts \
            nothing; the same key with another document is a 409. A key is remembered as long as its task \
            is kept (gorch.conductor.retention after it finished), across restarts: it lives in the task's \
            state.""";

    private final TaskService tasks;
    private final DocumentReader documents;
    private final BodyReader bodies;
    private final ApiSettings config;
    private final WaitingReads waitingReads;
    private final CurrentCaller caller;

    public TaskController(TaskService tasks, DocumentReader documents, BodyReader bodies, ApiSettings config, WaitingReads waitingReads,
                          CurrentCaller caller) {
        this.caller = caller;
        this.tasks = tasks;
        this.documents = documents;
        this.bodies = bodies;
        this.config = config;
        this.waitingReads = waitingReads;
    }

    @PostMapping(consumes = JSON)
    @Operation(summary = "Submit a gorch document", description = "Validates the document and starts a run of it. " + IDEMPOTENCY,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = JSON, schema = @Schema(implementation = Graph.class))))
    @ApiResponse(responseCode = "200", description = "A repeat of an earlier submission with the same Idempotency-Key and document; nothing new was started",
            headers = {@Header(name = "Location", description = "/v1/tasks/{id}"),
                       @Header(name = REPLAYED_HEADER, description = "true")},
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskId.class)))
    @ApiResponse(responseCode = "202", description = "Accepted; the run starts shortly",
            headers = @Header(name = "Location", description = "/v1/tasks/{id}"),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskId.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid document, or invalid Idempotency-Key; 'violations' names each field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was already used with another document",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body over gorch.api.max-body-size, or a document over gorch.kafka.max-command-size as its command to the conductor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Admission control: a backlog this task would wait behind (named with its "
            + "'lag' and 'limit') is over its limit, so it would start late; nothing was submitted: submit again after Retry-After",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The broker did not acknowledge in time ('submission': 'failed': nothing "
            + "was submitted; 'pending': it may still arrive within gorch.api.delivery.timeout, GET the id after Retry-After to "
            + "learn which), or (with an Idempotency-Key) the conductor did not confirm within gorch.api.idempotency-wait. With an "
            + "Idempotency-Key, repeating the request is always safe",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<TaskId> submit(
            HttpServletRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "Your name for this submission: 1 to 200 characters out of "
                    + "A-Z a-z 0-9 . _ : -. " + IDEMPOTENCY)
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        Optional<IdempotencyKey> key = idempotencyKey(idempotencyKey);
        Accepted accepted = tasks.submit(documents.read(bodies.read(request)), key, caller.get());
        ResponseEntity.BodyBuilder response = accepted.replayed()
                ? ResponseEntity.ok().header(REPLAYED_HEADER, "true")
                : ResponseEntity.accepted();
        return response.location(URI.create("/v1/tasks/" + accepted.id())).body(new TaskId(accepted.id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a task", description = "The document with the current state, dates and outputs of the graph and of "
            + "every node. With 'wait', a long poll: the answer waits until the task has finished or the wait has passed, and is "
            + "the document as it is then; its 'state' tells which.")
    @ApiResponse(responseCode = "200", description = "The task",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Graph.class)))
    @ApiResponse(responseCode = "400", description = "Invalid wait; 'violations' names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id (with wait: still none when the wait ended, or the "
            + "task was purged meanwhile). When this instance answered its submission 503, 'submission' says what became of it: "
            + "'failed' (it will not run: submit again), 'pending' or 'delivered' (ask again after Retry-After)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting, or this instance holds gorch.api.max-waiting-reads "
            + "waiting reads already; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Object get(
            @Parameter(description = "The task's id") @PathVariable String id,
            @Parameter(description = "How long to wait for the task to finish (success, failure, notrunnable, timeout or canceled) "
                    + "before answering, in the duration grammar: a number of seconds (1.5) or Go-style parts (500ms, 30s, 2m, 1h30m). From 0 (the default: "
                    + "answer at once) to gorch.api.max-wait (default 60s). An id not known yet is waited for too.",
                    schema = @Schema(type = "string", example = "30s"))
            @RequestParam(required = false) String wait) {
        Duration waiting = waitParameter(wait);
        if (waiting.isZero()) {
            return tasks.get(id, caller.get());
        }
        // Hence Object: a Graph at once, or a DeferredResult<Graph> later; Spring MVC serves each by its runtime type.
        return deferred(waitingReads.whenFinished(id, waiting, caller.get()), waiting);
    }

    @GetMapping("/{id}/nodes")
    @Operation(summary = "Read a task's nodes, one page at a time", description = "The nodes of the task, in id order, with their "
            + "current state, dates and outputs, as in the document GET /v1/tasks/{id} answers, but a page at a time: for a task of "
            + "many nodes, the answer stays small and the view reads only the nodes of the page.")
    @ApiResponse(responseCode = "200", description = "A page of nodes",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = NodePage.class)))
    @ApiResponse(responseCode = "400", description = "Invalid limit, after or state, or a query parameter this read does not take; "
            + "'violations' names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public NodePage nodes(
            @Parameter(description = "The task's id") @PathVariable String id,
            @Parameter(description = "Only nodes in this state, by name (running) or code (2)")
            @RequestParam(required = false) String state,
            @Parameter(description = "The cursor: the 'next' of the previous page (a node id). The only cursor parameter")
            @RequestParam(required = false) String after,
            @Parameter(description = "Page size, 1 to gorch.api.max-page-size (default gorch.api.default-page-size)")
            @RequestParam(required = false) Integer limit) {
        return tasks.nodes(id, caller.get(), stateFilter(state), nodeCursor(after), pageSize(limit));
    }

    @GetMapping
    @Operation(summary = "List tasks", description = "Newest first, one page at a time (by id: tasks submitted with an "
            + "Idempotency-Key have ids that do not sort by time, so they are listed out of time order).")
    @ApiResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskList.class)))
    @ApiResponse(responseCode = "400", description = "Invalid limit, after or state, or a query parameter the list does not take (the cursor is 'after': 'next' and 'cursor' are refused)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public TaskList list(
            @Parameter(description = "Page size, 1 to gorch.api.max-page-size (default gorch.api.default-page-size)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The cursor: the 'next' of the previous page. The only cursor parameter")
            @RequestParam(required = false) String after,
            @Parameter(description = "Only tasks in this state, by name (running) or code (2)")
            @RequestParam(required = false) String state,
            @Parameter(description = "Only tasks whose name contains this text, ignoring case")
            @RequestParam(required = false) String name) {
        TaskPage page = tasks.list(caller.get(), stateFilter(state), Optional.ofNullable(name).filter(text -> !text.isBlank()), cursor(after),
                pageSize(limit));
        return new TaskList(page.tasks().stream().map(TaskSummary::of).toList(), page.next());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a task", description = "Stops the run: nodes not finished become canceled. Repeating it is harmless.")
    @ApiResponse(responseCode = "202", description = "The cancel was handed to the conductor",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CommandAccepted.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The task has already finished; nothing was changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting or the broker did not acknowledge in time",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandAccepted> cancel(@Parameter(description = "The task's id") @PathVariable String id) {
        tasks.cancel(id, caller.get());
        return ResponseEntity.accepted().body(CommandAccepted.canceling(id));
    }

    @PostMapping("/{id}/rerun")
    @Operation(summary = "Rerun a task", description = "Runs again every node of a finished task that did not succeed "
            + "(failure, timeout, canceled); succeeded nodes and their outputs stay. Repeating it is harmless.")
    @ApiResponse(responseCode = "202", description = "The rerun was handed to the conductor",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CommandAccepted.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The task is still running, or every node succeeded; nothing was changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting or the broker did not acknowledge in time",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandAccepted> rerun(@Parameter(description = "The task's id") @PathVariable String id) {
        tasks.rerun(id, caller.get());
        return ResponseEntity.accepted().body(CommandAccepted.rerunning(id));
    }

    static Optional<IdempotencyKey> idempotencyKey(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdempotencyKey(header));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(IdempotencyKey.HEADER, e.getMessage());
        }
    }

    /** Zero when absent. */
    private Duration waitParameter(String wait) {
        if (wait == null || wait.isBlank()) {
            return Duration.ZERO;
        }
        Duration parsed;
        try {
            parsed = Durations.parse(wait);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("wait", e.getMessage());
        }
        if (parsed.isNegative() || parsed.compareTo(config.maxWait()) > 0) {
            throw new InvalidParameterException("wait", "must be between 0 and " + text(config.maxWait()) + ", was " + wait);
        }
        return parsed;
    }

    /**
     * The answer to come, without a thread held meanwhile. The container's timeout only backs up the wait's own (past it, it
     * would answer 503). The request ending any way stops the wait; a client that left is noticed only when written to, so its
     * wait ends when its time has passed at the latest.
     */
    private static DeferredResult<Graph> deferred(CompletableFuture<Graph> answer, Duration wait) {
        DeferredResult<Graph> result = new DeferredResult<>(wait.plus(CONTAINER_TIMEOUT_MARGIN).toMillis());
        answer.whenComplete((graph, error) -> {
            if (error != null) {
                result.setErrorResult(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else {
                result.setResult(graph);
            }
        });
        result.onCompletion(() -> answer.cancel(false));
        return result;
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
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

    /** A node id, or -1 (before the first) when absent. */
    private static int nodeCursor(String after) {
        if (after == null) {
            return -1;
        }
        try {
            int id = Integer.parseInt(after);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a negative id is
        }
        throw new InvalidParameterException("after", "is not a node id; pass the 'next' of the previous page");
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
