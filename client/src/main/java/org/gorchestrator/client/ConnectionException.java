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

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
