package org.gorchestrator.api.http;

/** A request body over {@code gorch.api.max-body-size}. */
public final class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(long maxBytes) {
        super("the body is larger than the limit of " + maxBytes + " bytes");
    }
}
