package org.gorchestrator.worker.driver;

import java.util.Map;
import org.gorchestrator.message.NodeCommand;

/** The environment a node's program runs in, wherever the driver runs it. */
public final class NodeEnvironment {
    private NodeEnvironment() {}

    /**
     * Takes the worker's own configuration ({@code SPRING_*}, {@code GORCH_*}: Kafka credentials can
     * be among it) out of {@code env} and puts the node's identity in.
     */
    public static void apply(Map<String, String> env, NodeCommand command) {
        env.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("GORCH_"));
        env.put("GORCH_WORKFLOW_ID", command.workflowId());
        env.put("GORCH_NODE_ID", Integer.toString(command.nodeId()));
        env.put("GORCH_NODE_NAME", command.name() == null ? "" : command.name());
        env.put("GORCH_ATTEMPT", Integer.toString(command.attempt()));
    }
}
