package org.gorchestrator.validation;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.json.JsonSize;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.NodeRun;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;

/**
 * The bytes of a document's state once it ran: the record (or, for a large workflow, the largest of
 * the records) the conductor publishes for the workflow, with every node run once and succeeded, without output values (those have a limit
 * of their own at run time). The document as sent says little: the state adds to each node its
 * state, attempt, dates, exit code, worker and attempt history, and a 50,000-node document that
 * fits in a request can make a state record that fits in no topic.
 */
final class StateSize {
    /** Times with every digit a time can have, and a worker id of a usual length: a bound, not a guess. */
    private static final Instant T = Instant.parse("2000-01-01T00:00:00.123456789Z");
    private static final String WORKER = "w".repeat(48);
    private static final String ID = "00000000-0000-7000-8000-000000000000";

    private StateSize() {}

    /**
     * The bytes of the largest record of the document's state on the state topic: the whole state, or for a workflow
     * in parts ({@link StateRecords}) the largest of its header and nodes.
     */
    static long of(Graph document) {
        List<Node> ran = document.nodes().stream().map(StateSize::ranOnce).toList();
        Graph state = document.withId(ID).withRun(State.SUCCESS, T, T, null);
        if (!StateRecords.inParts(ran.size())) {
            return JsonSize.ofValue(state.withNodes(ran));
        }
        long largest = JsonSize.ofValue(state.withNodes(List.of()));
        for (Node node : ran) {
            largest = Math.max(largest, JsonSize.ofValue(node));
        }
        return largest;
    }

    private static final NodeRun RAN_ONCE =
            NodeRun.FIRST_PASS.dispatched(T).started(T, WORKER, T).finished(State.SUCCESS, T, T, 0, null, WORKER, null);

    private static Node ranOnce(Node node) {
        return Node.of(node.toDefinition(), RAN_ONCE);
    }
}
