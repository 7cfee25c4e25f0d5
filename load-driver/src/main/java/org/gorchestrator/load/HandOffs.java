package org.gorchestrator.load;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/**
 * The hand-off of a finished workflow: for every node with predecessors, the time from the latest
 * {@code stop_date} among its predecessors to its own {@code start_date}, i.e. how long the
 * orchestrator took to notice the last predecessor finished and get the node running.
 */
final class HandOffs {
    private HandOffs() {}

    /** Gives each hand-off of {@code graph}, in microseconds; nodes that never started, or whose predecessors lack a date, are skipped. */
    static void each(Graph graph, LongConsumer micros) {
        Dag dag = Dag.of(graph);
        Instant[] start = new Instant[dag.size()];
        Instant[] stop = new Instant[dag.size()];
        for (Node node : graph.nodes()) {
            start[node.id()] = node.startDate();
            stop[node.id()] = node.stopDate();
        }
        for (int node = 0; node < dag.size(); node++) {
            Instant latest = latestPredecessorStop(dag, stop, node);
            if (start[node] != null && latest != null) {
                micros.accept(Duration.between(latest, start[node]).toNanos() / 1_000);
            }
        }
    }

    private static Instant latestPredecessorStop(Dag dag, Instant[] stop, int node) {
        Instant latest = null;
        for (int k = 0; k < dag.inDegree(node); k++) {
            Instant s = stop[dag.predecessor(node, k)];
            if (s == null) {
                return null;
            }
            latest = latest == null || s.isAfter(latest) ? s : latest;
        }
        return latest;
    }
}
