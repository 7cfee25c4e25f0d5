package org.gorchestrator.api.http;

import java.util.Objects;

/** A cancel or rerun was handed to the conductor; the task's state changes once it has acted. */
public record CommandAccepted(String id, String state) {
    public CommandAccepted {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    public static CommandAccepted canceling(String id) {
        return new CommandAccepted(id, "canceling");
    }

    public static CommandAccepted rerunning(String id) {
        return new CommandAccepted(id, "rerunning");
    }
}
