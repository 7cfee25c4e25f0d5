package org.gorchestrator.api.tasks;

import java.util.regex.Pattern;
import org.gorchestrator.model.Submitter;

/** The client's name for one submission: repeating a submission with the same key starts nothing new. */
public record IdempotencyKey(String value) {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    public IdempotencyKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1 to 200 characters out of A-Z a-z 0-9 . _ : -");
        }
    }

    /** The id of the workflow this key submits when callers are not authenticated. */
    public String workflowId() {
        return WorkflowIds.forIdempotencyKey(value);
    }

    /**
     * The id of the workflow this key submits for this submitter: each subject's keys are their own, so one caller's key
     * neither replays nor conflicts with another's task (nor tells that it exists). A key holds no line break: the scoped
     * name cannot be another subject's.
     */
    public String workflowId(Submitter owner) {
        return owner == null ? workflowId() : WorkflowIds.forIdempotencyKey(owner.subject() + "\n" + value);
    }
}
