package org.gorchestrator.worker.testkit;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.message.NodeCommand;

/** Node commands for tests. */
public final class Commands {
    private Commands() {}

    public static NodeCommand command(String workflowId, int nodeId, String engine, String artifact, List<String> args) {
        return new NodeCommand(workflowId, nodeId, 1, "n" + nodeId, engine, artifact, args, null, List.of(), null, Instant.now());
    }

    public static NodeCommand withOutputs(NodeCommand c, List<String> outputs) {
        return new NodeCommand(c.workflowId(), c.nodeId(), c.attempt(), c.name(), c.engine(), c.artifact(), c.args(), c.target(),
                outputs, c.timeoutSeconds(), c.at());
    }

    public static NodeCommand withTimeout(NodeCommand c, int seconds) {
        return new NodeCommand(c.workflowId(), c.nodeId(), c.attempt(), c.name(), c.engine(), c.artifact(), c.args(), c.target(),
                c.outputs(), seconds, c.at());
    }

    public static NodeCommand nil(String workflowId, int nodeId) {
        return command(workflowId, nodeId, "nil", null, List.of());
    }
}
