package org.gorchestrator.api.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A read of a task not found, whose submission this instance answered 503: tells what became of it. */
public final class UnconfirmedTaskException extends RuntimeException {
    private final String workflowId;
    private final SubmissionOutcome outcome;
    private final Optional<Duration> retryAfter;

    public UnconfirmedTaskException(String workflowId, SubmissionOutcome outcome, Instant now) {
        super(outcome.describe(workflowId));
        this.workflowId = workflowId;
        this.outcome = outcome;
        this.retryAfter = outcome.askAgainIn(now);
    }

    public String workflowId() {
        return workflowId;
    }

    public SubmissionOutcome outcome() {
        return outcome;
    }

    /** When asking again may tell more; empty when the outcome is final. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
