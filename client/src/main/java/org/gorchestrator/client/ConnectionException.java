package org.gorchestrator.client;

import java.net.URI;

/** The request got no answer: the server is down, unreachable, or the connection broke. */
public final class ConnectionException extends GorchException {
    private final URI server;

    ConnectionException(URI server, Throwable cause) {
        super("cannot reach " + server + ": " + describe(cause), cause);
        this.server = server;
    }

    public URI server() {
        return server;
    }

    /** The JDK's client often wraps the reason ("Connection refused") in an exception without a message of its own. */
    private static String describe(Throwable cause) {
        for (Throwable reason = cause; reason != null; reason = reason.getCause()) {
            if (reason.getMessage() != null && !reason.getMessage().isBlank()) {
                return reason.getMessage();
            }
        }
        return cause.getClass().getSimpleName();
    }
}
