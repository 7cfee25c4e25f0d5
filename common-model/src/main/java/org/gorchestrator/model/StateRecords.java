package org.gorchestrator.model;

/**
 * How a workflow's state travels on the state topic, as the conductor writes it and the API's view reads it. A
 * workflow of at most {@link #WHOLE_MAX_NODES} nodes is one record, its whole document under its id, as it always
 * was. A larger one is in parts, so that no record grows with the graph: its header (the document with an empty
 * node array) under its id, with the {@link #NODES_HEADER} record header giving its node count, and each node's
 * JSON under {@link #nodeKey}. Only the nodes that changed are sent again, then the header, which marks the update;
 * a purge sends a tombstone for every part, and compaction keeps the latest of each.
 *
 * <p>Every part of a workflow goes to the partition of its id, so that a reader sees its nodes before the header that
 * follows them.
 *
 * <p>A node key is the workflow id, a NUL (which no workflow id holds: the conductor refuses it) and the node's
 * index, zero-padded so that a workflow's nodes sort by index right after its header ({@link NumberedKeys}).
 */
public final class StateRecords {
    /** The largest workflow, in nodes, whose state is one record: every workflow the default limits admit. */
    public static final int WHOLE_MAX_NODES = 1_000;
    /** The record header of a header-in-parts: the workflow's node count, in decimal. */
    public static final String NODES_HEADER = "gorch-nodes";
    private static final NumberedKeys NODE_KEYS = new NumberedKeys(10);

    private StateRecords() {}

    /** Whether a workflow of {@code nodes} nodes is published in parts rather than whole. */
    public static boolean inParts(int nodes) {
        return nodes > WHOLE_MAX_NODES;
    }

    /** Whether {@code id} can name a workflow: a NUL in it would run into another workflow's nodes. */
    public static boolean storable(String id) {
        return !NumberedKeys.isMember(id);
    }

    /** The key of node {@code index} of workflow {@code id}. */
    public static String nodeKey(String id, int index) {
        return NODE_KEYS.key(id, index);
    }

    /** The first key of workflow {@code id}'s nodes (inclusive). */
    public static String firstNodeKey(String id) {
        return NumberedKeys.first(id);
    }

    /** A key just after every node key of workflow {@code id} (inclusive bound: no key equals it). */
    public static String afterNodeKeys(String id) {
        return NumberedKeys.after(id);
    }

    /** Whether {@code key} names a node rather than a workflow. */
    public static boolean isNodeKey(String key) {
        return NumberedKeys.isMember(key);
    }

    /** The workflow of a node key, or the key itself when it names a workflow. */
    public static String workflowOf(String key) {
        return NumberedKeys.outermostGroup(key);
    }

    /** The node index of a node key. */
    public static int indexOf(String nodeKey) {
        return NumberedKeys.numberOf(nodeKey);
    }
}
