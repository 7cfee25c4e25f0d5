package org.gorchestrator.engine;

import java.time.Instant;
import java.util.PriorityQueue;
import org.gorchestrator.model.NodeRun;

/**
 * The report deadlines and retry times of a workflow's nodes, earliest first, so that the next one is
 * found without walking every node: {@link WorkflowState#nextWakeUp()} is asked after every input, and a
 * walk made a 100,000-node workflow cost O(V) per node event.
 *
 * <p>A node's change adds its new times and leaves the old ones in place; an entry is stale once its
 * node's run no longer has that time, and is dropped when it comes to the top. Should stale entries
 * pile up below a long-lived one, the queue is rebuilt from the runs.
 */
final class NodeWakeUps {
    private record Due(Instant at, int id) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            return at.compareTo(other.at);
        }
    }

    private final NodeRun[] runs;
    private final PriorityQueue<Due> queue = new PriorityQueue<>();

    /** {@code runs} is the workflow's own array, read as it changes. */
    NodeWakeUps(NodeRun[] runs) {
        this.runs = runs;
        rebuild();
    }

    /** Node {@code id}'s run became {@code run}: its times, if any, join the queue. */
    void changed(int id, NodeRun run) {
        if (run.deadline() != null) {
            queue.add(new Due(run.deadline(), id));
        }
        if (run.retryAt() != null) {
            queue.add(new Due(run.retryAt(), id));
        }
        if (queue.size() > 4 * runs.length + 16) {
            rebuild();
        }
    }

    /** The earliest report deadline or retry time of any node, or null. */
    Instant next() {
        Due top = queue.peek();
        while (top != null && !isCurrent(top)) {
            queue.poll();
            top = queue.peek();
        }
        return top == null ? null : top.at();
    }

    private boolean isCurrent(Due due) {
        NodeRun run = runs[due.id()];
        return due.at().equals(run.deadline()) || due.at().equals(run.retryAt());
    }

    private void rebuild() {
        queue.clear();
        for (int id = 0; id < runs.length; id++) {
            changed(id, runs[id]);
        }
    }
}
