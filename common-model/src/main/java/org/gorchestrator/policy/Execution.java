package org.gorchestrator.policy;

import java.util.Objects;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.model.Node;

/** What the policy looks at in a node: which engine runs which artifact. */
public record Execution(int nodeId, String nodeName, String engine, String artifact) {
    public Execution {
        Objects.requireNonNull(engine, "engine");
    }

    public static Execution of(NodeCommand command) {
        return new Execution(command.nodeId(), command.name(), command.engine(), command.artifact());
    }

    public static Execution of(Node node) {
        return new Execution(node.id() == null ? -1 : node.id(), node.name(), node.engine(), node.artifact());
    }
}
