package org.gorchestrator.api.tasks;

import org.gorchestrator.model.State;

/** The task is in a state that does not allow what was asked (cancel a finished task, rerun a running one); nothing was changed. */
public final class TaskStateConflictException extends RuntimeException {
    private final String title;
    private final State state;

    private TaskStateConflictException(String title, String message, State state) {
        super(message);
        this.title = title;
        this.state = state;
    }

    static TaskStateConflictException alreadyFinished(String id, State state) {
        return new TaskStateConflictException("Task already finished",
                "task " + id + " has already finished: it is " + state.label() + "; nothing was changed", state);
    }

    static TaskStateConflictException stillRunning(String id, State state) {
        return new TaskStateConflictException("Task still running",
                "task " + id + " is still running (" + state.label() + "); rerun it once it has finished", state);
    }

    static TaskStateConflictException nothingToRerun(String id) {
        return new TaskStateConflictException("Nothing to rerun",
                "nothing to rerun: every node of task " + id + " succeeded", State.SUCCESS);
    }

    public String title() {
        return title;
    }

    public State state() {
        return state;
    }
}
