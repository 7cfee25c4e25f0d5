package org.gorchestrator.message;

import java.time.Instant;
import java.util.Objects;

/**
 * Stop attempt {@code attempt} of node {@code nodeId}: kill its process tree if it runs, and do not
 * start it if it has not started yet. Published on {@code gorch.node-control}, which every worker
 * reads in full, since any of them may be running the attempt.
 */
public record NodeKill(String workflowId, int nodeId, int attempt, String reason, Instant at) {
    public NodeKill {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(at, "at");
    }

    public String key() {
        return workflowId + "/" + nodeId;
    }
}
