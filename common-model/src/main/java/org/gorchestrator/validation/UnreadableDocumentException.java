package org.gorchestrator.validation;

/** Bytes that are not a readable gorch document; {@code violation} names the field (or "body") and what is wrong. */
public final class UnreadableDocumentException extends IllegalArgumentException {
    private final Violation violation;

    public UnreadableDocumentException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
