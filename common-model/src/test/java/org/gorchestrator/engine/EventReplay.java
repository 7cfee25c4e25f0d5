package org.gorchestrator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * Rebuilds a workflow from its events alone, as a reader of {@code gorch.workflow-events} would:
 * the submitted document, then each node change and each graph change in order.
 */
final class EventReplay {
    private EventReplay() {}

    static Graph replay(List<WorkflowEvent> events) {
        Graph graph = null;
        List<Node> nodes = null;
        State state = State.INITIAL;
        Instant started = null;
        Instant stopped = null;
        for (WorkflowEvent event : events) {
            if (event instanceof WorkflowEvent.Submitted s) {
                graph = s.graph();
                nodes = new ArrayList<>(s.graph().nodes());
            } else if (event instanceof WorkflowEvent.NodeChanged c) {
                nodes.set(c.node().id(), c.node());
            } else if (event instanceof WorkflowEvent.WorkflowChanged w) {
                state = w.state();
                if (state == State.RUNNING) {
                    started = started == null ? w.at() : started;
                    stopped = null;
                } else if (state.isFinished()) {
                    stopped = w.at();
                }
            }
        }
        return graph.withNodes(nodes).withRun(state, started, stopped, null);
    }
}
