package org.gorchestrator.api.view;

/** The view is starting, restoring or stopped, so it cannot answer reads yet. */
public final class ViewNotReadyException extends RuntimeException {
    public ViewNotReadyException(String message) {
        super(message);
    }
}
