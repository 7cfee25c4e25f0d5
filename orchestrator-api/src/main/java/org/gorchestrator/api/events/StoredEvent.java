package org.gorchestrator.api.events;

import java.util.Objects;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.events.CloudEvent;
import org.gorchestrator.kafka.events.EventType;

/**
 * One workflow CloudEvent as the view stored it: the JSON as the conductor wrote it on {@code gorch.workflow-events},
 * and its offset there. A workflow's events are all on one partition (keyed by its id), so the offset orders them and
 * tells them apart: it is the SSE {@code id} a client resumes from.
 */
public record StoredEvent(long offset, byte[] json) {
    private static final String FINISHED = EventType.WORKFLOW_FINISHED.type();

    public StoredEvent {
        Objects.requireNonNull(json, "json");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
    }

    /** True for workflow.finished: the workflow's last event, unless it is rerun. */
    public boolean finishesWorkflow() {
        return FINISHED.equals(Json.read(json, CloudEvent.class).type());
    }
}
