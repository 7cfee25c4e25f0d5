package org.gorchestrator.validation;

import java.util.Objects;

/**
 * One thing wrong with a submitted document. {@code field} is a path into the document such as
 * {@code nodes[3].engine} or {@code digraph}; {@code message} says what is wrong in plain words.
 */
public record Violation(String field, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
