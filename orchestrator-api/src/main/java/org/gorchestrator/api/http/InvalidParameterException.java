package org.gorchestrator.api.http;

import org.gorchestrator.validation.Violation;

/** A query parameter with a value the API cannot use. */
public final class InvalidParameterException extends RuntimeException {
    private final Violation violation;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.violation = new Violation(parameter, message);
    }

    public Violation violation() {
        return violation;
    }
}
