package org.gorchestrator.api.logs;

import java.util.Objects;

/** The log a client asks for: some streams of one attempt of one node. */
public record LogTarget(String workflowId, int nodeId, int attempt, LogStreams streams) {
    public LogTarget {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(streams, "streams");
    }
}
