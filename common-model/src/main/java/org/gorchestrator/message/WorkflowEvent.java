package org.gorchestrator.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * One state change of a workflow or of one of its nodes, on {@code gorch.workflow-events}, keyed
 * by workflow id and in order per workflow. Applying them in order from {@link Submitted} on
 * rebuilds the workflow's state (see {@code WorkflowReplay}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorkflowEvent.Submitted.class, name = "workflow.submitted"),
    @JsonSubTypes.Type(value = WorkflowEvent.NodeChanged.class, name = "node.changed"),
    @JsonSubTypes.Type(value = WorkflowEvent.WorkflowChanged.class, name = "workflow.changed")
})
public sealed interface WorkflowEvent {
    String workflowId();

    Instant at();

    /** The accepted document, as the user sent it, with its id. */
    record Submitted(String workflowId, Graph graph, Instant at) implements WorkflowEvent {
        public Submitted {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A node's new state and everything known about its current attempt. */
    record NodeChanged(String workflowId, Node node, Instant at) implements WorkflowEvent {
        public NodeChanged {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The graph's new state; a finished state ends the workflow. {@code rerun} tells the running
     * state of a rerun from that of the first pass, which no other field can.
     */
    record WorkflowChanged(String workflowId, State state, boolean rerun, Instant at) implements WorkflowEvent {
        public WorkflowChanged {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(at, "at");
        }

        public WorkflowChanged(String workflowId, State state, Instant at) {
            this(workflowId, state, false, at);
        }
    }
}
