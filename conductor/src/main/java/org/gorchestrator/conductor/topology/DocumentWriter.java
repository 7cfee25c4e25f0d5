package org.gorchestrator.conductor.topology;

import java.util.Objects;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/**
 * Writes one running workflow's document as JSON, serializing again only what changed since its
 * previous write: the nodes whose {@link Node} was replaced (a node is an immutable record, so a
 * change is a new object) and the graph's own fields when the run's state or dates moved. After one
 * node of a 1,000-node workflow changed, that node is serialized and the bytes of the other 999 are
 * copied, so an event costs a copy of the document rather than a serialization of all of it.
 *
 * <p>The bytes are exactly those of {@code Json.write(state.toGraph())}: {@code nodes} is the last
 * property of a {@link Graph}, so a document is its {@link WorkflowState#header() header}, written
 * with an empty node array, with that array filled in.
 */
final class DocumentWriter {
    private static final byte[] EMPTY_NODES_END = {'[', ']', '}'};

    private final WorkflowState state;
    private final Node[] written;
    private final byte[][] nodeJson;
    private Graph header;
    private byte[] headerJson;

    DocumentWriter(WorkflowState state) {
        this.state = state;
        this.written = new Node[state.size()];
        this.nodeJson = new byte[state.size()][];
    }

    WorkflowState state() {
        return state;
    }

    byte[] write() {
        byte[] head = headerJson();
        int length = head.length - 2 + Math.max(0, written.length - 1) + 2;
        for (int id = 0; id < written.length; id++) {
            length += nodeJson(id).length;
        }
        byte[] document = new byte[length];
        int at = head.length - 2; // up to and with the '[' of the empty node array
        System.arraycopy(head, 0, document, 0, at);
        for (int id = 0; id < written.length; id++) {
            if (id > 0) {
                document[at++] = ',';
            }
            System.arraycopy(nodeJson[id], 0, document, at, nodeJson[id].length);
            at += nodeJson[id].length;
        }
        document[at++] = ']';
        document[at] = '}';
        return document;
    }

    private byte[] headerJson() {
        Graph current = state.header();
        if (header == null || !sameRun(header, current)) {
            byte[] json = Json.write(current);
            if (!endsWithEmptyNodes(json)) {
                throw new IllegalStateException("a graph's JSON no longer ends with its node array");
            }
            header = current;
            headerJson = json;
        }
        return headerJson;
    }

    private byte[] nodeJson(int id) {
        Node node = state.node(id);
        if (written[id] != node) {
            nodeJson[id] = Json.write(node);
            written[id] = node;
        }
        return nodeJson[id];
    }

    /** The rest of a header comes from the workflow's submitted document, which never changes. */
    private static boolean sameRun(Graph a, Graph b) {
        return a.state() == b.state() && Objects.equals(a.startDate(), b.startDate()) && Objects.equals(a.stopDate(), b.stopDate())
                && Objects.equals(a.deadline(), b.deadline());
    }

    private static boolean endsWithEmptyNodes(byte[] json) {
        int from = json.length - EMPTY_NODES_END.length;
        for (int i = 0; i < EMPTY_NODES_END.length; i++) {
            if (from < 0 || json[from + i] != EMPTY_NODES_END[i]) {
                return false;
            }
        }
        return true;
    }
}
