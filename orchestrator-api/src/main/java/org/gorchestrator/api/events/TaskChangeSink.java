package org.gorchestrator.api.events;

import java.io.IOException;
import java.util.Map;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;

/** Where a followed task list goes, e.g. a Server-Sent Events stream. An IOException means the client is gone. */
public interface TaskChangeSink {
    /** The task as it is now. */
    void changed(Graph task) throws IOException;

    /** The task was purged. */
    void removed(String id) throws IOException;

    /** How many tasks are in each state. */
    void counts(Map<State, Long> counts) throws IOException;

    /** Too many changes came at once to tell them one by one: the client reads its page again. */
    void reset() throws IOException;

    void keepAlive() throws IOException;

    void close();
}
