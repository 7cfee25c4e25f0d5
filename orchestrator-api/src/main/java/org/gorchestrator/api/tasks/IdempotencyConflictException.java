package org.gorchestrator.api.tasks;

/** The Idempotency-Key already submitted another document. */
public final class IdempotencyConflictException extends RuntimeException {
    private final String key;
    private final String workflowId;

    public IdempotencyConflictException(IdempotencyKey key, String workflowId) {
        super("the Idempotency-Key '" + key.value() + "' was already used to submit another document (task " + workflowId
                + "); use a new key for a different document");
        this.key = key.value();
        this.workflowId = workflowId;
    }

    public String key() {
        return key;
    }

    public String workflowId() {
        return workflowId;
    }
}
