package org.gorchestrator.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;
import org.gorchestrator.model.Graph;

/** What the API asks of the conductor on {@code gorch.workflow-commands}, keyed by workflow id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorkflowCommand.Submit.class, name = "submit"),
    @JsonSubTypes.Type(value = WorkflowCommand.Cancel.class, name = "cancel"),
    @JsonSubTypes.Type(value = WorkflowCommand.Rerun.class, name = "rerun")
})
public sealed interface WorkflowCommand extends EngineInput {

    /** Run this validated graph under this id. A second submit for a known id changes nothing. */
    record Submit(String workflowId, Graph graph, Instant at) implements WorkflowCommand {
        public Submit {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Stop the workflow: nodes not finished become canceled, and so does the graph. */
    record Cancel(String workflowId, String reason, Instant at) implements WorkflowCommand {
        public Cancel {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Run again, in a finished graph, every node that did not succeed; succeeded nodes and their outputs stay. */
    record Rerun(String workflowId, Instant at) implements WorkflowCommand {
        public Rerun {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(at, "at");
        }
    }
}
