package org.gorchestrator.conductor.topology;

import java.util.BitSet;
import java.util.Objects;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;

/**
 * Keeps one running workflow's document as JSON in parts, its {@link WorkflowState#header() header}
 * and each node, and serializes again only what changed: the nodes the engine changed (as the state
 * tells them, {@link WorkflowState#drainChangedNodes}, so finding them costs O(changed nodes), not
 * O(V)) and the header when the run's state or dates moved. It tells the {@link WorkflowStore} which
 * parts changed since it last stored them ({@link #storeChanges}), and joins the parts into the whole document for the state topic
 * ({@link #document}): after one node of a 1,000-node workflow changed, that node is serialized and
 * stored, and the whole document is only a copy of bytes.
 *
 * <p>What is stored: a workflow of up to {@link StateRecords#WHOLE_MAX_NODES} nodes goes first as its whole document,
 * one record, and from then on each node that changes gets a record of its own, which overrides its entry in that
 * document. When the header changes, the nodes that have no record yet get one, and the header goes without nodes. A
 * workflow in parts (more nodes) stores its header and every node from the start, so that no record grows with the graph.
 * A node has a record of its own once it changed: most nodes of a run change twice (dispatched, ended), and storing
 * each one a third time at the submit only added a record per node to the changelog.
 *
 * <p>The document is exactly {@code Json.write(state.toGraph())}: {@code nodes} is the last property
 * of a {@link Graph}, so a document is its header, written with an empty node array, with that array
 * filled in ({@link #join}).
 */
final class DocumentWriter {
    private static final byte[] EMPTY_NODES_END = {'[', ']', '}'};

    /** Receives the parts of a document that changed since they were last stored. */
    interface Changes {
        void header(byte[] json);

        void node(int index, byte[] json);
    }

    private final WorkflowState state;
    private final Node[] serialized;
    private final byte[][] nodeJson;
    /** The nodes changed since they were last stored. */
    private final BitSet toStore = new BitSet();
    /** The nodes stored as records of their own; the others are stored in the header's node array. */
    private final BitSet ownRecords = new BitSet();
    /**
     * The nodes changed since they were last published in parts (see {@link StateRecords}); all of them until the
     * first publish of this writer: a writer just loaded does not know what went out before it.
     */
    private final BitSet toPublish = new BitSet();
    /** The lengths of {@link #nodeJson} summed, kept as nodes are serialized so that {@link #size} walks no node. */
    private long nodeBytes;
    private Graph header;
    private byte[] headerJson;
    private Graph storedHeader;
    /** The run's state as last stored; null while nothing is. */
    private State storedState;

    /** A writer for which nothing is stored yet. */
    DocumentWriter(WorkflowState state) {
        this(state, null, null);
    }

    /**
     * A writer for a state just loaded from the store, whose header is stored as {@code headerAsStored} (with or
     * without its nodes) and nodes as {@code nodesAsStored}, index by index: a node's own record, or null for a node
     * stored in the header's node array.
     */
    DocumentWriter(WorkflowState state, byte[] headerAsStored, byte[][] nodesAsStored) {
        this.state = state;
        this.serialized = new Node[state.size()];
        this.nodeJson = new byte[state.size()][];
        this.toPublish.set(0, state.size());
        if (headerAsStored == null) {
            this.storedState = null;
            toStore.set(0, state.size());
            return;
        }
        this.storedState = state.state();
        this.header = this.storedHeader = state.header();
        this.headerJson = endsWithEmptyNodes(headerAsStored) ? headerAsStored : Json.write(header);
        for (int id = 0; id < state.size(); id++) {
            byte[] own = nodesAsStored[id];
            if (own != null) {
                serialized[id] = state.node(id);
                nodeJson[id] = own;
                nodeBytes += own.length;
                ownRecords.set(id);
            } else {
                nodeJson(id);
            }
        }
    }

    WorkflowState state() {
        return state;
    }

    /** Whether the run's own state (running, finished…) changed since it was last stored, or nothing is stored yet. */
    boolean runStateChanged() {
        return storedState != state.state();
    }

    /**
     * Hands {@code changes} what changed since the last call: the first time, the whole document (or, in parts, the
     * header and every node); then every node that changed, and when the header changed, every node without a record
     * of its own and the header without nodes.
     */
    void storeChanges(Changes changes) {
        takeChanges();
        boolean first = storedState == null;
        storedState = state.state();
        if (first && !StateRecords.inParts(state.size())) {
            changes.header(document());
            storedHeader = header;
            toStore.clear();
            return;
        }
        byte[] head = headerJson();
        boolean headerChanged = storedHeader != header;
        if (headerChanged) {
            // The header goes without nodes: the nodes it held get records of their own.
            BitSet inHeader = new BitSet();
            inHeader.set(0, state.size());
            inHeader.andNot(ownRecords);
            toStore.or(inHeader);
        }
        ownRecords.or(toStore);
        hand(toStore, changes);
        if (headerChanged) {
            changes.header(head);
            storedHeader = header;
        }
    }

    /**
     * Hands {@code parts} every node that changed since this writer last published it (all of them the first time:
     * a writer just loaded does not know what went out before it), then the header, always and last: it marks the
     * update for the readers of the state topic.
     */
    void publishChanges(Changes parts) {
        takeChanges();
        hand(toPublish, parts);
        parts.header(headerJson());
    }

    /** The largest of the parts {@link #storeChanges} would hand now: what one record of the state in parts must hold. */
    long largestChange() {
        takeChanges();
        long largest = headerJson().length;
        for (int id = toStore.nextSetBit(0); id >= 0; id = toStore.nextSetBit(id + 1)) {
            largest = Math.max(largest, nodeJson(id).length);
        }
        return largest;
    }

    /** Moves the nodes the engine changed since the last call into what is to be stored and published. */
    private void takeChanges() {
        state.drainChangedNodes(id -> {
            toStore.set(id);
            toPublish.set(id);
        });
    }

    /** Hands {@code changes} each node of {@code marked}, in id order, and clears it. */
    private void hand(BitSet marked, Changes changes) {
        for (int id = marked.nextSetBit(0); id >= 0; id = marked.nextSetBit(id + 1)) {
            changes.node(id, nodeJson(id));
        }
        marked.clear();
    }

    /** The JSON of {@code node} when it is this document's node as it now is (the same object), else null. */
    byte[] jsonOf(Node node) {
        int id = node.id();
        return id >= 0 && id < serialized.length && state.node(id) == node ? nodeJson(id) : null;
    }

    /**
     * The bytes of {@link #document()}, without joining them. Only the nodes changed since they were last stored can
     * differ from their JSON held here (every change is in the engine's journal), so only those are serialized.
     */
    long size() {
        takeChanges();
        for (int id = toStore.nextSetBit(0); id >= 0; id = toStore.nextSetBit(id + 1)) {
            nodeJson(id);
        }
        return headerJson().length + Math.max(0, serialized.length - 1) + nodeBytes; // with the commas between nodes
    }

    /** The whole document, as it is now. */
    byte[] document() {
        byte[][] nodes = new byte[serialized.length][];
        for (int id = 0; id < nodes.length; id++) {
            nodes[id] = nodeJson(id);
        }
        return join(headerJson(), nodes);
    }

    /** A document from its header (with an empty node array) and its nodes' JSON, in order. */
    static byte[] join(byte[] header, byte[][] nodes) {
        if (!endsWithEmptyNodes(header)) {
            throw new IllegalStateException("a graph's JSON no longer ends with its node array");
        }
        int length = header.length - 2 + Math.max(0, nodes.length - 1) + 2;
        for (byte[] node : nodes) {
            length += node.length;
        }
        byte[] document = new byte[length];
        int at = header.length - 2; // up to and with the '[' of the empty node array
        System.arraycopy(header, 0, document, 0, at);
        for (int id = 0; id < nodes.length; id++) {
            if (id > 0) {
                document[at++] = ',';
            }
            System.arraycopy(nodes[id], 0, document, at, nodes[id].length);
            at += nodes[id].length;
        }
        document[at++] = ']';
        document[at] = '}';
        return document;
    }

    private byte[] headerJson() {
        Graph current = state.header();
        if (header == null || !sameRun(header, current)) {
            header = current;
            headerJson = Json.write(current);
        }
        return headerJson;
    }

    private byte[] nodeJson(int id) {
        Node node = state.node(id);
        if (serialized[id] != node) {
            byte[] json = Json.write(node);
            nodeBytes += json.length - (nodeJson[id] == null ? 0 : nodeJson[id].length);
            nodeJson[id] = json;
            serialized[id] = node;
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
