package org.gorchestrator.api.tasks;

/** No workflow has this id (or it was purged after its retention). */
public final class TaskNotFoundException extends RuntimeException {
    public TaskNotFoundException(String id) {
        super("no task with id '" + clip(id) + "'");
    }

    private static String clip(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "…";
    }
}
