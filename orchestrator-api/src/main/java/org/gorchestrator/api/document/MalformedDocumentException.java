package org.gorchestrator.api.document;

import org.gorchestrator.validation.Violation;

/** A body that is not a readable gorch document; {@code violation} names the field (or "body") and what is wrong. */
public final class MalformedDocumentException extends RuntimeException {
    private final Violation violation;

    public MalformedDocumentException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
