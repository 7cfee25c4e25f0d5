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
 * index, zero-padded so that a workflow's nodes sort by index right after its header.
 */
public final class StateRecords {
    /** The largest workflow, in nodes, whose state is one record: every workflow the default limits admit. */
    public static final int WHOLE_MAX_NODES = 1_000;
    /** The record header of a header-in-parts: the workflow's node count, in decimal. */
    public static final String NODES_HEADER = "gorch-nodes";
    private static final char NODES = '\u0000';
    private static final int INDEX_DIGITS = 10;
    private static final String ZEROS = "0".repeat(INDEX_DIGITS);

    private StateRecords() {}

    /** Whether a workflow of {@code nodes} nodes is published in parts rather than whole. */
    public static boolean inParts(int nodes) {
        return nodes > WHOLE_MAX_NODES;
    }

    /** Whether {@code id} can name a workflow: a NUL in it would run into another workflow's nodes. */
    public static boolean storable(String id) {
        return id.indexOf(NODES) < 0;
    }

    /** The key of node {@code index} of workflow {@code id}. */
    public static String nodeKey(String id, int index) {
        String digits = Integer.toString(index);
        return id + NODES + ZEROS.substring(digits.length()) + digits;
    }

    /** The first key of workflow {@code id}'s nodes (inclusive). */
    public static String firstNodeKey(String id) {
        return id + NODES;
    }

    /** A key just after every node key of workflow {@code id} (inclusive bound: no key equals it). */
    public static String afterNodeKeys(String id) {
        return id + '\u0001';
    }

    /** Whether {@code key} names a node rather than a workflow. */
    public static boolean isNodeKey(String key) {
        return key.indexOf(NODES) >= 0;
    }

    /** The workflow of a node key, or the key itself when it names a workflow. */
    public static String workflowOf(String key) {
        int nul = key.indexOf(NODES);
        return nul < 0 ? key : key.substring(0, nul);
    }

    /** The node index of a node key. */
    public static int indexOf(String nodeKey) {
        return Integer.parseInt(nodeKey, nodeKey.indexOf(NODES) + 1, nodeKey.length(), 10);
    }
}
