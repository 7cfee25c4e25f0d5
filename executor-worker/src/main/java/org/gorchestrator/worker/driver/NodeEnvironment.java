package org.gorchestrator.worker.driver;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.message.NodeCommand;

/** The environment a node's program runs in, wherever the driver runs it. */
public final class NodeEnvironment {
    /** What a program needs to find its tools and speak the worker's language; nothing that could be a credential. */
    private static final List<String> ALWAYS_PASSED = List.of("PATH", "HOME", "LANG");

    private NodeEnvironment() {}

    /** The node's identity: {@code GORCH_WORKFLOW_ID}, {@code GORCH_NODE_ID}, {@code GORCH_NODE_NAME}, {@code GORCH_ATTEMPT}. */
    public static Map<String, String> identity(NodeCommand command) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GORCH_WORKFLOW_ID", command.workflowId());
        env.put("GORCH_NODE_ID", Integer.toString(command.nodeId()));
        env.put("GORCH_NODE_NAME", command.name() == null ? "" : command.name());
        env.put("GORCH_ATTEMPT", Integer.toString(command.attempt()));
        return env;
    }

    /**
     * A local process's whole environment: {@code PATH}, {@code HOME}, {@code LANG} and the variables named in
     * {@code passEnv} from the worker's own, then the node's identity. Nothing else of the worker's passes: its
     * environment holds its configuration, Kafka and cloud credentials among it.
     */
    public static Map<String, String> of(NodeCommand command, Map<String, String> worker, Collection<String> passEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : ALWAYS_PASSED) {
            copy(worker, name, env);
        }
        passEnv.forEach(name -> copy(worker, name, env));
        env.putAll(identity(command));
        return env;
    }

    private static void copy(Map<String, String> from, String name, Map<String, String> to) {
        String value = from.get(name);
        if (value != null) {
            to.put(name, value);
        }
    }
}
