package org.gorchestrator.api.events;

import java.io.IOException;

/** Where a followed stream of workflow events goes, e.g. a Server-Sent Events stream. An IOException means the client is gone. */
public interface EventSink {
    void send(StoredEvent event) throws IOException;

    /** Shows the client, and any proxy on the way, that the stream is alive while nothing happens. */
    void keepAlive() throws IOException;

    /** Tells the client the stream is complete; {@code reason} says why. */
    void end(String reason) throws IOException;

    /** Closes the stream; unless {@link #end} came first, the client may come back for the rest. */
    void close();
}
