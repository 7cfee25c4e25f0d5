package org.gorchestrator.api.events;

/** This instance already serves as many event streams as it may. */
public final class TooManyStreamsException extends RuntimeException {
    public TooManyStreamsException(int max) {
        super("this instance already serves " + max + " event streams (gorch.api.events.max-followers); retry later");
    }
}
