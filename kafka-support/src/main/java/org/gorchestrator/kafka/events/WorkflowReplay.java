package org.gorchestrator.kafka.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * Rebuilds a workflow's document from its events alone, in the order they were published: the
 * submitted document, then every node change (each carries the whole node) and graph change. The
 * result is what {@code GET /v1/tasks/{id}} shows, except {@code deadline}, which no event carries. A workflow in parts
 * is submitted without its nodes ({@code workflow.submitted.v2}): its replay holds the nodes its events brought so far.
 *
 * <pre>{@code WorkflowReplay replay = new WorkflowReplay(); events.forEach(replay::apply); replay.graph();}</pre>
 */
public final class WorkflowReplay {
    private Graph document;
    private Node[] nodes;
    private State state = State.INITIAL;
    private Instant started;
    private Instant stopped;

    public static Graph of(Iterable<? extends WorkflowEvent> events) {
        WorkflowReplay replay = new WorkflowReplay();
        events.forEach(replay::apply);
        return replay.graph();
    }

    public void apply(WorkflowEvent event) {
        if (event instanceof WorkflowEvent.Submitted submitted) {
            submitted(submitted);
            return;
        }
        checkSameWorkflow(event);
        if (event instanceof WorkflowEvent.NodeChanged changed) {
            int id = changed.node().id();
            if (id >= nodes.length) {
                nodes = Arrays.copyOf(nodes, Math.max(id + 1, 2 * nodes.length));
            }
            nodes[id] = changed.node();
        } else {
            graphChanged(((WorkflowEvent.WorkflowChanged) event).state(), event.at());
        }
    }

    /** The document as the events so far left it. */
    public Graph graph() {
        if (document == null) {
            throw new IllegalStateException("no workflow.submitted event yet");
        }
        return document.withNodes(Arrays.stream(nodes).filter(Objects::nonNull).toList()).withRun(state, started, stopped, null);
    }

    /**
     * The conductor starts from the nodes' definitions, all waiting to run, whatever results the
     * document carried, and keeps them by id (a document may list them in another order).
     */
    private void submitted(WorkflowEvent.Submitted submitted) {
        document = submitted.graph();
        nodes = new Node[document.nodes().size()];
        for (Node node : document.nodes()) {
            nodes[node.id()] = node.firstPass();
        }
        state = State.INITIAL;
        started = null;
        stopped = null;
    }

    private void graphChanged(State newState, Instant at) {
        state = newState;
        if (newState == State.RUNNING) {
            started = started == null ? at : started;
            stopped = null;
        } else if (newState.isFinished()) {
            stopped = at;
        }
    }

    private void checkSameWorkflow(WorkflowEvent event) {
        if (document == null) {
            throw new IllegalStateException("event of workflow " + event.workflowId() + " before its workflow.submitted");
        }
        if (!document.id().equals(event.workflowId())) {
            throw new IllegalArgumentException("event of workflow " + event.workflowId() + " in the replay of " + document.id());
        }
    }
}
