package org.gorchestrator.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A document that failed validation, with every violation found. */
public final class InvalidGraphException extends IllegalArgumentException {
    private final List<Violation> violations;

    public InvalidGraphException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
