package org.gorchestrator.api.logs;

import org.gorchestrator.message.LogChunk;
import java.io.IOException;

/** Where a followed log goes, e.g. a Server-Sent Events stream. An IOException means the client is gone. */
public interface LogSink {
    void send(LogChunk chunk) throws IOException;

    /** Shows the client, and any proxy on the way, that the stream is alive while the node prints nothing. */
    void keepAlive() throws IOException;

    /** Tells the client the log is complete; {@code reason} says how we know. */
    void end(String reason) throws IOException;

    /** Closes the stream; unless {@link #end} came first, the client may come back for the rest. */
    void close();
}
