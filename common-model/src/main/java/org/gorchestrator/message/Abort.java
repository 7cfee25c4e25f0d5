package org.gorchestrator.message;

import java.util.Objects;
import java.time.Instant;

/**
 * The conductor gives up on a workflow it cannot keep, {@code reason} saying why (its state no longer
 * fits in one record): attempts in flight fail and are killed, nodes not started are canceled, the
 * graph fails, and every captured output value is dropped so that the failed state is small. Like
 * a {@link Tick}, never read from a topic: nobody outside the conductor can abort a workflow.
 */
public record Abort(String workflowId, String reason, Instant at) implements EngineInput {
    public Abort {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
