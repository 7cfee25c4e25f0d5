package org.gorchestrator.api.tasks;

import java.time.Duration;

/**
 * A submission with an Idempotency-Key reached the broker, but the view did not show in time which
 * document the conductor kept for the key. Repeating the same request is safe and tells.
 */
public final class SubmissionUnconfirmedException extends RuntimeException {
    private final String workflowId;

    public SubmissionUnconfirmedException(String workflowId, Duration waited) {
        super("the submission of task " + workflowId + " reached the broker, but the conductor did not confirm it within "
                + waited.toMillis() + " ms; repeat the request with the same Idempotency-Key to learn the outcome");
        this.workflowId = workflowId;
    }

    public String workflowId() {
        return workflowId;
    }
}
