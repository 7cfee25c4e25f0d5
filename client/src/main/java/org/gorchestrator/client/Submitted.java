package org.gorchestrator.client;

import java.util.Objects;

/**
 * An accepted submission: the task's id and whether it was a repeat of an earlier submission with the same
 * Idempotency-Key and document, which started nothing new.
 */
public record Submitted(String id, boolean replayed) {
    public Submitted {
        Objects.requireNonNull(id, "id");
    }
}
