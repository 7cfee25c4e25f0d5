package org.gorchestrator.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a worker reports on {@code gorch.node-events}, keyed by workflow id. {@code (workflowId,
 * nodeId, attempt)} identifies one attempt: the conductor applies the first report of each kind
 * and drops repeats, so a worker may safely publish twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NodeEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = NodeEvent.Succeeded.class, name = "succeeded"),
    @JsonSubTypes.Type(value = NodeEvent.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = NodeEvent.TimedOut.class, name = "timed-out")
})
public sealed interface NodeEvent extends EngineInput {
    int nodeId();

    int attempt();

    String worker();

    record Started(String workflowId, int nodeId, int attempt, String worker, Instant at) implements NodeEvent {
        public Started {
            checkAttempt(workflowId, nodeId, attempt, at);
        }
    }

    record Succeeded(String workflowId, int nodeId, int attempt, String worker, int exitCode,
                     Map<String, String> outputs, Instant startedAt, Instant at) implements NodeEvent {
        public Succeeded {
            checkAttempt(workflowId, nodeId, attempt, at);
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
        }
    }

    /** The attempt ended badly; {@code exitCode} is null when no process ran (no driver, bad artifact). */
    record Failed(String workflowId, int nodeId, int attempt, String worker, Integer exitCode,
                  String message, Instant startedAt, Instant at) implements NodeEvent {
        public Failed {
            checkAttempt(workflowId, nodeId, attempt, at);
        }
    }

    /** The attempt ran out of time and its process tree was killed. */
    record TimedOut(String workflowId, int nodeId, int attempt, String worker, String message,
                    Instant startedAt, Instant at) implements NodeEvent {
        public TimedOut {
            checkAttempt(workflowId, nodeId, attempt, at);
        }
    }

    private static void checkAttempt(String workflowId, int nodeId, int attempt, Instant at) {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(at, "at");
        if (nodeId < 0 || attempt < 1) {
            throw new IllegalArgumentException("node id must be >= 0 and attempt >= 1, got node " + nodeId + " attempt " + attempt);
        }
    }
}
