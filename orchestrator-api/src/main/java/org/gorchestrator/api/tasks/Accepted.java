package org.gorchestrator.api.tasks;

/** A submission the conductor has or will have: {@code replayed} when it repeats one made before with the same Idempotency-Key. */
public record Accepted(String id, boolean replayed) {}
