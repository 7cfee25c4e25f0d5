package org.gorchestrator.client;

import java.util.Optional;
import org.gorchestrator.model.State;

/**
 * Which tasks to list: those in {@code state} (all when empty), {@code limit} a page (the server's default when empty),
 * after the task {@code after} (a page's {@code next}; from the newest when empty).
 */
public record TaskQuery(Optional<State> state, Optional<Integer> limit, Optional<String> after) {
    public TaskQuery {
        state = state == null ? Optional.empty() : state;
        limit = limit == null ? Optional.empty() : limit;
        after = after == null ? Optional.empty() : after;
        if (limit.isPresent() && limit.get() < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit.get());
        }
    }

    /** Every task, newest first, in pages of the server's default size. */
    public static TaskQuery all() {
        return new TaskQuery(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TaskQuery inState(State only) {
        return new TaskQuery(Optional.of(only), limit, after);
    }

    public TaskQuery pageSize(int size) {
        return new TaskQuery(state, Optional.of(size), after);
    }

    public TaskQuery after(String cursor) {
        return new TaskQuery(state, limit, Optional.of(cursor));
    }
}
