package org.gorchestrator.conductor.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.StateRecords;

/**
 * The workflows in the {@link ConductorTopology#WORKFLOW_STORE}, each in parts: the header of its
 * document ({@link WorkflowState#header()}: the document with an empty node array) under its id, and
 * each node's JSON under its id, a NUL and the node's index ({@link StateRecords#nodeKey}: the keys of the state topic's parts). A
 * node event stores the one or two nodes it changed, not the whole document: the store's changelog,
 * written at every commit, carries what changed rather than every running workflow's document again
 * (a 100-node document is about 20 kB, a node about 200 bytes).
 *
 * <p>A value from before this layout, the whole document under the id and no nodes of its own, is
 * read as it is; the next change stores the workflow in parts.
 */
final class WorkflowStore {
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> store;

    WorkflowStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** Whether {@code id} can name a workflow here: a NUL in it would run into another workflow's nodes. */
    static boolean storable(String id) {
        return StateRecords.storable(id);
    }

    /** The workflow's state with a writer that knows what is stored, or null when there is none. */
    DocumentWriter load(String id) {
        byte[] header = store.get(id);
        if (header == null) {
            return null;
        }
        Graph graph = Json.read(header, Graph.class);
        List<byte[]> nodeJson = nodes(id);
        if (nodeJson.isEmpty()) {
            return new DocumentWriter(WorkflowState.of(graph), header, null); // stored whole, before the parts
        }
        List<Node> nodes = new ArrayList<>(nodeJson.size());
        for (byte[] json : nodeJson) {
            nodes.add(Json.read(json, Node.class));
        }
        return new DocumentWriter(WorkflowState.of(graph.withNodes(nodes)), header, nodeJson.toArray(byte[][]::new));
    }

    /** Stores what changed in the writer's document since it last stored it. */
    void store(String id, DocumentWriter writer) {
        writer.storeChanges(new DocumentWriter.Changes() {
            @Override
            public void header(byte[] json) {
                store.put(id, json);
            }

            @Override
            public void node(int index, byte[] json) {
                store.put(StateRecords.nodeKey(id, index), json);
            }
        });
    }

    /** The workflow's whole document as stored, or null. */
    byte[] document(String id) {
        byte[] header = store.get(id);
        if (header == null) {
            return null;
        }
        List<byte[]> nodes = nodes(id);
        return nodes.isEmpty() ? header : DocumentWriter.join(header, nodes.toArray(byte[][]::new));
    }

    /** Deletes the workflow; returns how many nodes it had stored in parts. */
    int delete(String id) {
        List<String> keys = new ArrayList<>();
        eachNode(id, node -> keys.add(node.key));
        keys.forEach(store::delete);
        store.delete(id);
        return keys.size();
    }

    private List<byte[]> nodes(String id) {
        List<byte[]> nodes = new ArrayList<>();
        eachNode(id, node -> nodes.add(node.value));
        return nodes;
    }

    /** The workflow's nodes, in index order. */
    private void eachNode(String id, Consumer<KeyValue<String, byte[]>> action) {
        try (KeyValueIterator<String, byte[]> byIndex = store.prefixScan(StateRecords.firstNodeKey(id), KEYS)) {
            byIndex.forEachRemaining(action);
        }
    }
}
