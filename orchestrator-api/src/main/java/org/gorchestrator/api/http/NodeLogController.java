package org.gorchestrator.api.http;

import static org.gorchestrator.api.http.TaskController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.gorchestrator.api.logs.LogStreams;
import org.gorchestrator.api.logs.LogTarget;
import org.gorchestrator.api.logs.NodeLogService;
import org.gorchestrator.api.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The output of node attempts, read at once as text or followed live as Server-Sent Events. */
@RestController
@RequestMapping("/v1/tasks/{id}/nodes/{node}/logs")
@Tag(name = "Logs", description = "What the nodes print")
public class NodeLogController {
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    /** The stream is closed when the log is complete or the client leaves, never on a timer. */
    private static final long NO_TIMEOUT = 0;

    private final NodeLogService logs;
    private final CurrentCaller caller;

    public NodeLogController(NodeLogService logs, CurrentCaller caller) {
        this.logs = logs;
        this.caller = caller;
    }

    // No 'produces': this is the answer to any Accept but text/event-stream, a missing one included.
    @GetMapping
    @Operation(summary = "Read a node's log", description = "The lines the attempt printed so far, one per line. "
            + "Logs are kept for gorch.kafka.log-retention, and no longer than their task.")
    @ApiResponse(responseCode = "200", description = "The lines, possibly none (the node has not run)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Invalid attempt or stream",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id, or no such node in it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<String> read(
            @Parameter(description = "The task's id") @PathVariable String id,
            @Parameter(description = "The node's id or name") @PathVariable String node,
            @Parameter(description = "Which attempt; default the node's current one") @RequestParam(required = false) Integer attempt,
            @Parameter(description = "stdout, stderr or both") @RequestParam(defaultValue = "both") String stream) {
        StringBuilder text = new StringBuilder();
        logs.lines(target(id, node, attempt, stream)).forEach(line -> text.append(line).append('\n'));
        return ResponseEntity.ok().contentType(TEXT).body(text.toString());
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow a node's log", description = "Server-Sent Events: first the lines already printed, then new "
            + "ones as they come. Each event is named after its stream (stdout, stderr) and carries one data line per output "
            + "line, and has the chunk's sequence number as its id. An event 'end' (data 'last' or 'finished') says the log is "
            + "complete, and the stream closes; a stream closed without it may be opened again with the header Last-Event-ID "
            + "(what EventSource sends by itself): then only the chunks after that one come.")
    @ApiResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Invalid attempt, stream or Last-Event-ID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No task with this id, or no such node in it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "This instance follows gorch.api.logs.max-followers logs already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public SseEmitter follow(
            @PathVariable String id,
            @PathVariable String node,
            @RequestParam(required = false) Integer attempt,
            @RequestParam(defaultValue = "both") String stream,
            @Parameter(description = "The id of the last event the client has: the stream starts after it")
            @RequestHeader(name = LastEventId.HEADER, required = false) String lastEventId) {
        LogTarget target = target(id, node, attempt, stream);
        long after = LastEventId.parse(lastEventId);
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        logs.follow(target, after, new SseLogSink(emitter));
        return emitter;
    }

    private LogTarget target(String id, String node, Integer attempt, String stream) {
        if (attempt != null && attempt < 1) {
            throw new InvalidParameterException("attempt", "must be 1 or more, was " + attempt);
        }
        LogStreams streams;
        try {
            streams = LogStreams.parse(stream);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("stream", e.getMessage());
        }
        return logs.target(id, node, attempt, streams, caller.get());
    }
}
