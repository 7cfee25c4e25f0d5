package org.gorchestrator.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Run attempt {@code attempt} of node {@code nodeId} of a workflow: everything a worker needs, with
 * {@code get_attribute} args already resolved. Published on {@code gorch.node-commands}, keyed by
 * {@link #key()} so that one workflow's nodes spread over all workers.
 *
 * @param outputs        the output names to capture from the process
 * @param timeoutSeconds the attempt's time limit, or null for the worker's default
 */
public record NodeCommand(String workflowId, int nodeId, int attempt, String name, String engine, String artifact,
                          List<String> args, String target, List<String> outputs, Integer timeoutSeconds, Instant at) {
    public NodeCommand {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(at, "at");
        args = args == null ? List.of() : List.copyOf(args);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
    }

    public String key() {
        return workflowId + "/" + nodeId;
    }
}
