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
 * The workflows in the {@link ConductorTopology#WORKFLOW_STORE}: under its id, a workflow's document as
 * submitted, or once its header changed, the header ({@link WorkflowState#header()}: the document with an
 * empty node array); under its id, a NUL and the node's index ({@link StateRecords#nodeKey}: the keys of the
 * state topic's parts), the JSON of each node that changed since, which overrides the node of the document
 * under the id. A node event stores the one or two nodes it changed, not the whole document: the store's
 * changelog, written at every commit, carries what changed rather than every running workflow's document
 * again (a 100-node document is about 20 kB, a node about 200 bytes). {@link DocumentWriter} decides what
 * goes when.
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
        List<KeyValue<String, byte[]>> own = new ArrayList<>();
        eachNode(id, own::add);
        int size = graph.nodes().isEmpty() ? own.size() : graph.nodes().size();
        Node[] nodes = graph.nodes().toArray(new Node[size]);
        byte[][] nodeJson = new byte[size][];
        for (KeyValue<String, byte[]> node : own) {
            int index = StateRecords.indexOf(node.key);
            if (index >= size) {
                throw new IllegalStateException("workflow " + id + " has a stored node " + index + " past its " + size + " nodes");
            }
            nodes[index] = Json.read(node.value, Node.class);
            nodeJson[index] = node.value;
        }
        for (int index = 0; index < size; index++) {
            if (nodes[index] == null) {
                throw new IllegalStateException("workflow " + id + " has no stored node " + index);
            }
        }
        return new DocumentWriter(WorkflowState.of(graph.withNodes(List.of(nodes))), header, nodeJson);
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
        DocumentWriter stored = load(id);
        return stored == null ? null : stored.document();
    }

    /** Deletes the workflow; returns how many of its nodes had records of their own (every node of a workflow in parts). */
    int delete(String id) {
        List<String> keys = new ArrayList<>();
        eachNode(id, node -> keys.add(node.key));
        keys.forEach(store::delete);
        store.delete(id);
        return keys.size();
    }

    /** The workflow's nodes, in index order. */
    private void eachNode(String id, Consumer<KeyValue<String, byte[]>> action) {
        try (KeyValueIterator<String, byte[]> byIndex = store.prefixScan(StateRecords.firstNodeKey(id), KEYS)) {
            byIndex.forEachRemaining(action);
        }
    }
}
