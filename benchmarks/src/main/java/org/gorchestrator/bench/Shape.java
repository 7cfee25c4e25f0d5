package org.gorchestrator.bench;

import org.gorchestrator.model.Graph;
import org.gorchestrator.test.Graphs;

/** The graph shapes of the scaling series, every node {@code nil}; {@code build(n)} has exactly n nodes. */
public enum Shape {
    /** 0 → 1 → … → n-1: one node in flight at a time. */
    CHAIN,
    /** One root, n-2 parallel nodes, one sink: n-2 nodes dispatched by one event, and a sink with n-2 predecessors. */
    FAN,
    /** Each node gets 0 to 3 edges from earlier nodes (seeded, so every run sees the same graph). */
    RANDOM;

    static final long SEED = 42;
    static final int MAX_PARENTS = 3;

    public Graph build(int nodes) {
        return switch (this) {
            case CHAIN -> Graphs.chain(nodes, Graphs.nil());
            case FAN -> Graphs.fanOutFanIn(nodes - 2, Graphs.nil());
            case RANDOM -> Graphs.randomDag(nodes, MAX_PARENTS, SEED, Graphs.nil());
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
