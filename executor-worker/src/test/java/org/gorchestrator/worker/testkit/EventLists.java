package org.gorchestrator.worker.testkit;

import java.util.List;
import org.gorchestrator.message.NodeEvent;

/** Selections from a list of node events. */
public final class EventLists {
    private EventLists() {}

    public static List<NodeEvent> ofNode(List<NodeEvent> events, String workflowId, int nodeId) {
        return events.stream().filter(e -> e.workflowId().equals(workflowId) && e.nodeId() == nodeId).toList();
    }

    public static <T extends NodeEvent> List<T> ofType(List<NodeEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Succeeded or failed. */
    public static List<NodeEvent> ended(List<NodeEvent> events) {
        return events.stream().filter(e -> !(e instanceof NodeEvent.Started)).toList();
    }
}
