package org.gorchestrator.api.http;

import java.util.Objects;

/** The id of an accepted task. */
public record TaskId(String id) {
    public TaskId {
        Objects.requireNonNull(id, "id");
    }
}
