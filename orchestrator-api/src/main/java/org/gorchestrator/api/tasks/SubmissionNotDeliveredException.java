package org.gorchestrator.api.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The broker did not confirm a submission while its request was answered: the command either failed for good, or may
 * still reach the broker until its outcome is settled. The message tells the client how to go on.
 */
public final class SubmissionNotDeliveredException extends RuntimeException {
    private final String workflowId;
    private final SubmissionOutcome outcome;
    private final Duration retryAfter;

    SubmissionNotDeliveredException(String workflowId, Optional<IdempotencyKey> key, SubmissionOutcome outcome, String cause, Instant now) {
        super(message(workflowId, key, outcome, cause));
        this.workflowId = workflowId;
        this.outcome = outcome;
        this.retryAfter = outcome.askAgainIn(now).orElse(SubmissionOutcome.SHORTLY);
    }

    public String workflowId() {
        return workflowId;
    }

    public SubmissionOutcome outcome() {
        return outcome;
    }

    /** How long until a repeat or a read can tell the outcome. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static String message(String id, Optional<IdempotencyKey> key, SubmissionOutcome outcome, String cause) {
        String what = "the submission of task " + id + " was not confirmed: " + cause;
        if (outcome instanceof SubmissionOutcome.Pending pending) {
            return what + "; the broker may still take it until " + pending.settledBy() + ". " + key
                    .map(k -> "Repeat the request with the same Idempotency-Key: it answers the task if this submission arrived, "
                            + "and submits it otherwise")
                    .orElse("Then GET /v1/tasks/" + id + " answers the task, or 404 'Task not submitted' and you submit again "
                            + "(an Idempotency-Key would make repeating a submission safe)");
        }
        return what + "; nothing was submitted: " + key.map(k -> "repeat the request with the same Idempotency-Key").orElse("submit again");
    }
}
