package org.gorchestrator.api.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.gorchestrator.api.security.CurrentCaller;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.dot.DotRenderer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A task's graph drawn for Graphviz, with the same renderer as the command line's {@code gorch dot}. */
@RestController
@Tag(name = "Tasks")
public class GraphController {
    static final MediaType GRAPHVIZ = new MediaType(MediaType.valueOf(DotRenderer.MEDIA_TYPE), StandardCharsets.UTF_8);

    private final TaskService tasks;
    private final CurrentCaller caller;

    public GraphController(TaskService tasks, CurrentCaller caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    @GetMapping(path = "/v1/tasks/{id}/graph", produces = DotRenderer.MEDIA_TYPE)
    @Operation(summary = "Draw a task's graph", description = "Graphviz DOT, left to right: one record per node (name, engine, "
            + "artifact, state), filled with the colour of its state. Render it with e.g. `dot -Tsvg`.")
    @ApiResponse(responseCode = "200", description = "The DOT text",
            content = @Content(mediaType = DotRenderer.MEDIA_TYPE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No task with this id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The view is starting; retry after the Retry-After seconds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<String> graph(@Parameter(description = "The task's id") @PathVariable String id) {
        return ResponseEntity.ok().contentType(GRAPHVIZ).body(DotRenderer.render(tasks.get(id, caller.get())));
    }
}
