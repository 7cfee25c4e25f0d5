package org.gorchestrator.client;

import java.time.Duration;
import org.gorchestrator.model.Graph;

/** A task had not finished when the time given to wait for it had passed; {@link #last()} is how it was then. */
public final class WaitTimeoutException extends GorchException {
    private final transient Graph last;

    WaitTimeoutException(Duration waited, Graph last) {
        super("task " + last.id() + " is still " + last.stateName() + " after " + waited, null);
        this.last = last;
    }

    public Graph last() {
        return last;
    }
}
