package org.gorchestrator.api.tasks;

import org.gorchestrator.model.State;

/** A cancel of a workflow that has already finished: nothing is left to stop. */
public final class TaskFinishedException extends RuntimeException {
    private final State state;

    public TaskFinishedException(String id, State state) {
        super("task " + id + " has already finished: it is " + state.label() + "; nothing was changed");
        this.state = state;
    }

    public State state() {
        return state;
    }
}
