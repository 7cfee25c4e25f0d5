package org.gorchestrator.api.tasks;

import java.util.regex.Pattern;

/** The client's name for one submission: repeating a submission with the same key starts nothing new. */
public record IdempotencyKey(String value) {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    public IdempotencyKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1 to 200 characters out of A-Z a-z 0-9 . _ : -");
        }
    }

    /** The id of the workflow this key submits. */
    public String workflowId() {
        return WorkflowIds.forIdempotencyKey(value);
    }
}
