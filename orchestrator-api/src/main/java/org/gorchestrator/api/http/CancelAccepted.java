package org.gorchestrator.api.http;

import java.util.Objects;

/** A cancel was handed to the conductor; the task's state becomes canceled once it has acted. */
public record CancelAccepted(String id, String state) {
    public CancelAccepted {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    public static CancelAccepted of(String id) {
        return new CancelAccepted(id, "canceling");
    }
}
