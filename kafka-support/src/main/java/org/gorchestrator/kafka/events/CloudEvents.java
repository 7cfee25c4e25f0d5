package org.gorchestrator.kafka.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * Wraps a {@link WorkflowEvent} in a CloudEvents 1.0 envelope and back.
 *
 * <ul>
 *   <li>{@code subject}: the workflow id, then {@code /nodes/<node id>} for a node event;</li>
 *   <li>{@code id}: the subject, the event's short name, the attempt (node events) and the time,
 *       e.g. {@code <workflow>/nodes/2/node.failed/1@2026-05-01T10:00:01.456Z}: the same for
 *       the same state change, different for any other (a node changes to the same state with
 *       the same attempt again only in a later pass, so at a later time);</li>
 *   <li>{@code data}: the submitted document (for a workflow in parts, {@code workflow.submitted.v2}: the document
 *       without its nodes, with {@code node_count}), the node as it now is, or the graph's state.</li>
 * </ul>
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "/gorchestrator/conductor";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header's value for a structured-mode event. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final String NODES = "/nodes/";
    private static final String NODE_COUNT = "node_count";
    private static final JsonNode EMPTY_DATA = JsonNodeFactory.instance.objectNode();
    private static final byte[] EMPTY_DATA_END = {':', '{', '}', '}'};

    private CloudEvents() {}

    public static CloudEvent wrap(WorkflowEvent event) {
        return envelope(event, Json.mapper().valueToTree(data(event)));
    }

    /**
     * The JSON of {@link #wrap}'s envelope, the same bytes, written without first building its data as a tree
     * (what the conductor sends for every node change).
     */
    public static byte[] write(WorkflowEvent event) {
        return Json.write(envelope(event, new POJONode(data(event))));
    }

    /**
     * {@link #write} of a node change whose node the caller holds as JSON already ({@code Json.write(event.node())}:
     * the conductor's document keeps each node's), the same bytes without serializing the node again. {@code data} is
     * the envelope's last attribute, so the envelope is written with empty data and the node's JSON put in its place.
     */
    public static byte[] write(WorkflowEvent.NodeChanged event, byte[] nodeJson) {
        byte[] envelope = Json.write(envelope(event, EMPTY_DATA));
        int at = envelope.length - EMPTY_DATA_END.length;
        if (at < 0 || !Arrays.equals(envelope, at, envelope.length, EMPTY_DATA_END, 0, EMPTY_DATA_END.length)) {
            throw new IllegalStateException("a CloudEvent's JSON no longer ends with its data");
        }
        byte[] written = Arrays.copyOf(envelope, at + 1 + nodeJson.length + 1);
        written[at] = ':';
        System.arraycopy(nodeJson, 0, written, at + 1, nodeJson.length);
        written[written.length - 1] = '}';
        return written;
    }

    private static CloudEvent envelope(WorkflowEvent event, JsonNode data) {
        EventType type = EventType.of(event);
        return new CloudEvent(SPEC_VERSION, id(event), SOURCE, type.type(), subject(event), event.at(), DATA_CONTENT_TYPE,
                type.payload().schema(), data);
    }

    /** The event's CloudEvents {@code id}: the same for a duplicate of the same change, so consumers drop duplicates by it. */
    public static String id(WorkflowEvent event) {
        String attempt = event instanceof WorkflowEvent.NodeChanged changed ? "/" + changed.node().attempt() : "";
        return subject(event) + "/" + EventType.of(event).eventName() + attempt + "@" + event.at();
    }

    /**
     * The workflow event an envelope carries; throws IllegalArgumentException for an unknown type or a missing subject,
     * time or data. The document of a {@code workflow.submitted.v2} has no nodes: its events bring them.
     */
    public static WorkflowEvent unwrap(CloudEvent event) {
        EventType type = EventType.ofType(event.type());
        String workflowId = workflowId(event.subject());
        Instant at = event.time();
        if (at == null) {
            throw new IllegalArgumentException("a workflow event needs its time");
        }
        return switch (type.payload()) {
            case WORKFLOW_SUBMITTED, WORKFLOW_SUBMITTED_HEADER -> new WorkflowEvent.Submitted(workflowId, read(event.data(), Graph.class), at);
            case NODE_CHANGED -> new WorkflowEvent.NodeChanged(workflowId, read(event.data(), Node.class), at);
            case WORKFLOW_CHANGED -> new WorkflowEvent.WorkflowChanged(workflowId, read(event.data(), GraphState.class).state(),
                    type == EventType.WORKFLOW_RERUN, at);
        };
    }

    private static String subject(WorkflowEvent event) {
        return event instanceof WorkflowEvent.NodeChanged changed
                ? event.workflowId() + NODES + changed.node().id()
                : event.workflowId();
    }

    private static String workflowId(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("a workflow event needs its workflow id as subject");
        }
        int nodes = subject.lastIndexOf(NODES);
        return nodes < 0 ? subject : subject.substring(0, nodes);
    }

    private static Object data(WorkflowEvent event) {
        if (event instanceof WorkflowEvent.Submitted submitted) {
            return EventType.of(event) == EventType.WORKFLOW_SUBMITTED ? submitted.graph() : header(submitted.graph());
        }
        if (event instanceof WorkflowEvent.NodeChanged changed) {
            return changed.node();
        }
        return new GraphState(((WorkflowEvent.WorkflowChanged) event).state());
    }

    /** The data of {@code workflow.submitted.v2}: the document with {@code node_count} in place of its nodes. */
    private static ObjectNode header(Graph graph) {
        ObjectNode header = Json.mapper().valueToTree(graph.withNodes(List.of()));
        header.remove("nodes");
        header.put(NODE_COUNT, graph.nodes().size());
        return header;
    }

    private static <T> T read(JsonNode data, Class<T> type) {
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("a workflow event's data must be a JSON object");
        }
        return Json.mapper().treeToValue(data, type);
    }

    /** The data of workflow.started, .rerun and .finished. */
    record GraphState(State state) {
        @JsonProperty(value = "state_name", access = JsonProperty.Access.READ_ONLY)
        String stateName() {
            return state.label();
        }
    }
}
