package org.gorchestrator.worker.runtime;

import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeKill;

/** One attempt of one node of a workflow. */
record AttemptId(String workflowId, int nodeId, int attempt) {

    static AttemptId of(NodeCommand command) {
        return new AttemptId(command.workflowId(), command.nodeId(), command.attempt());
    }

    static AttemptId of(NodeKill kill) {
        return new AttemptId(kill.workflowId(), kill.nodeId(), kill.attempt());
    }

    @Override
    public String toString() {
        return "node " + nodeId + " attempt " + attempt + " of workflow " + workflowId;
    }
}
