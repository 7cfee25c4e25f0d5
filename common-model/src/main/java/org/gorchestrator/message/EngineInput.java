package org.gorchestrator.message;

import java.time.Instant;

/** Everything the DAG engine reacts to: a command for a workflow or an event from a worker. */
public sealed interface EngineInput permits WorkflowCommand, NodeEvent, Tick, Abort {
    String workflowId();

    Instant at();
}
