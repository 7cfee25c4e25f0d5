package org.gorchestrator.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A piece of one attempt's output on {@code gorch.node-logs}, keyed by {@link #key()}, published
 * by the workers while the attempt runs, read by the API. {@code seq} numbers the chunks of an attempt from 0, over both streams,
 * in the order they are published; a gap means chunks were lost. The chunk with {@code last} is the
 * attempt's final one: it comes after every other chunk of the attempt, is on stdout and may have
 * no lines.
 *
 * @param stream {@link #STDOUT} or {@link #STDERR}
 * @param lines  the lines, without their line ends
 * @param at     when the worker cut the chunk
 */
public record LogChunk(String workflowId, int nodeId, int attempt, String stream, long seq, List<String> lines, boolean last,
                       Instant at) {
    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";

    public LogChunk {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(at, "at");
        if (!STDOUT.equals(stream) && !STDERR.equals(stream)) {
            throw new IllegalArgumentException("stream must be stdout or stderr, was " + stream);
        }
        if (nodeId < 0 || attempt < 0 || seq < 0) {
            throw new IllegalArgumentException("nodeId, attempt and seq must not be negative");
        }
        lines = lines == null ? List.of() : lines.stream().map(line -> line == null ? "" : line).toList();
    }

    public String key() {
        return workflowId + "/" + nodeId;
    }
}
