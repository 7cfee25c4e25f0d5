package org.gorchestrator.message;

import java.util.Objects;
import java.time.Instant;

/**
 * The conductor's clock: "it is now {@code at}" for one workflow, sent when one of its deadlines or
 * retry times is due. Never read from a topic, so nobody can move a workflow's clock from outside.
 */
public record Tick(String workflowId, Instant at) implements EngineInput {
    public Tick {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(at, "at");
    }
}
