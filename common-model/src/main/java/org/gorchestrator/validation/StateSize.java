package org.gorchestrator.validation;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.NodeRun;
import org.gorchestrator.model.State;

/**
 * The bytes of a document's state once it ran: the record the conductor keeps and publishes for
 * the workflow, with every node run once and succeeded, without output values (those have a limit
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

    static long of(Graph document) {
        List<Node> ran = document.nodes().stream().map(StateSize::ranOnce).toList();
        Graph state = document.withId(ID).withRun(State.SUCCESS, T, T, null).withNodes(ran);
        CountingStream bytes = new CountingStream();
        Json.mapper().writeValue(bytes, state);
        return bytes.count;
    }

    private static final NodeRun RAN_ONCE =
            NodeRun.FIRST_PASS.dispatched(T).started(T, WORKER, T).finished(State.SUCCESS, T, T, 0, null, WORKER, null);

    private static Node ranOnce(Node node) {
        return Node.of(node.toDefinition(), RAN_ONCE);
    }

    /** Counts what is written, keeps nothing: a large document is measured without a copy of it. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
