package org.gorchestrator.kafka.events;

import java.net.URI;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;

/**
 * The CloudEvents {@code type} of each workflow event, e.g. {@code org.gorchestrator.node.failed.v1},
 * and the schema of its data. A type is a contract: changing what its data means makes a new version.
 */
public enum EventType {
    WORKFLOW_SUBMITTED("workflow.submitted", Payload.WORKFLOW_SUBMITTED),
    /**
     * The submit of a workflow whose state travels in parts ({@link StateRecords#inParts}): its document without the
     * nodes, which would make the event grow with the graph, and their count. Each node's definition comes with its first
     * node event, the whole document from the API.
     */
    WORKFLOW_SUBMITTED_IN_PARTS("workflow.submitted", Payload.WORKFLOW_SUBMITTED_HEADER),
    WORKFLOW_STARTED("workflow.started", Payload.WORKFLOW_CHANGED),
    WORKFLOW_RERUN("workflow.rerun", Payload.WORKFLOW_CHANGED),
    WORKFLOW_FINISHED("workflow.finished", Payload.WORKFLOW_CHANGED),
    NODE_DISPATCHED("node.dispatched", Payload.NODE_CHANGED),
    NODE_STARTED("node.started", Payload.NODE_CHANGED),
    NODE_SUCCEEDED("node.succeeded", Payload.NODE_CHANGED),
    NODE_FAILED("node.failed", Payload.NODE_CHANGED),
    NODE_TIMEOUT("node.timeout", Payload.NODE_CHANGED),
    NODE_CANCELED("node.canceled", Payload.NODE_CHANGED),
    NODE_NOTRUNNABLE("node.notrunnable", Payload.NODE_CHANGED),
    NODE_RETRYING("node.retrying", Payload.NODE_CHANGED),
    NODE_RESET("node.reset", Payload.NODE_CHANGED);

    /** The shapes of {@code data}, each with its JSON Schema, {@code docs/events/<name>.v<version>.json}. */
    public enum Payload {
        WORKFLOW_SUBMITTED("workflow-submitted", 1),
        /** A submitted document without its nodes, with their count ({@code node_count}). */
        WORKFLOW_SUBMITTED_HEADER("workflow-submitted", 2),
        WORKFLOW_CHANGED("workflow-changed", 1),
        NODE_CHANGED("node-changed", 1);

        private final URI schema;
        private final int version;

        Payload(String name, int version) {
            this.schema = URI.create("urn:gorchestrator:events:" + name + ".v" + version);
            this.version = version;
        }

        /** The schema's {@code $id}, given as the event's {@code dataschema}. */
        public URI schema() {
            return schema;
        }

        /** The version of the data's shape, which is the event type's. */
        public int version() {
            return version;
        }
    }

    private final String name;
    private final Payload payload;

    EventType(String name, Payload payload) {
        this.name = name;
        this.payload = payload;
    }

    /** The short name, e.g. {@code node.failed}. */
    public String eventName() {
        return name;
    }

    /** The CloudEvents type, e.g. {@code org.gorchestrator.node.failed.v1}. */
    public String type() {
        return "org.gorchestrator." + name + ".v" + payload.version();
    }

    public Payload payload() {
        return payload;
    }

    public static EventType ofType(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("unknown workflow event type '" + type + "'"));
    }

    /** The workflow event type of this CloudEvents type; empty for any other event on the topic (e.g. a submission's outcome). */
    public static java.util.Optional<EventType> find(String type) {
        for (EventType t : values()) {
            if (t.type().equals(type)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    public static EventType of(WorkflowEvent event) {
        if (event instanceof WorkflowEvent.Submitted submitted) {
            return StateRecords.inParts(submitted.graph().nodes().size()) ? WORKFLOW_SUBMITTED_IN_PARTS : WORKFLOW_SUBMITTED;
        }
        if (event instanceof WorkflowEvent.NodeChanged changed) {
            return ofNode(changed.node());
        }
        WorkflowEvent.WorkflowChanged changed = (WorkflowEvent.WorkflowChanged) event;
        if (changed.state() == State.RUNNING) {
            return changed.rerun() ? WORKFLOW_RERUN : WORKFLOW_STARTED;
        }
        if (changed.state().isFinished()) {
            return WORKFLOW_FINISHED;
        }
        throw new IllegalArgumentException("a workflow never changes to " + changed.state().label());
    }

    /** A torun node is waiting for a retry (retry_at), for its report (deadline), or for its predecessors again after a rerun. */
    private static EventType ofNode(Node node) {
        return switch (node.state()) {
            case TORUN -> node.retryAt() != null ? NODE_RETRYING : node.deadline() != null ? NODE_DISPATCHED : NODE_RESET;
            case RUNNING -> NODE_STARTED;
            case SUCCESS -> NODE_SUCCEEDED;
            case FAILURE -> NODE_FAILED;
            case TIMEOUT -> NODE_TIMEOUT;
            case CANCELED -> NODE_CANCELED;
            case NOTRUNNABLE -> NODE_NOTRUNNABLE;
            case INITIAL -> throw new IllegalArgumentException("a node never changes back to initial");
        };
    }
}
