package org.gorchestrator.api.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.policy.Execution;
import org.gorchestrator.policy.ExecutionPolicy;
import org.gorchestrator.policy.PathResolver;
import org.gorchestrator.validation.DocumentCheck;
import org.gorchestrator.validation.Limits;
import org.gorchestrator.validation.Violation;

/**
 * Each node checked against the policy of the pool it targets ({@code pool:NAME}, else {@code default}).
 * Paths are taken as written: the API does not see the workers' file systems, so a symbolic link that
 * leads out of the artifacts directory is left to the worker, which checks again before every attempt.
 */
public final class PoolPolicyCheck implements DocumentCheck {
    private final Map<String, ExecutionPolicy> byPool;

    public PoolPolicyCheck(Map<String, ExecutionPolicy> byPool) {
        this.byPool = Map.copyOf(byPool);
    }

    @Override
    public List<Violation> check(Graph graph) {
        List<Violation> found = new ArrayList<>();
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String pool = pool(node.target());
            ExecutionPolicy policy = byPool.get(pool);
            if (policy != null) {
                int index = i;
                policy.check(Execution.of(node), PathResolver.LEXICAL).ifPresent(violation -> found.add(new Violation(
                        "nodes[" + index + "]." + (violation.rule().equals("engines") ? "engine" : "artifact"),
                        violation + " (workers of pool " + pool + ")")));
            }
        }
        return found;
    }

    private static String pool(String target) {
        return target != null && target.startsWith(Limits.POOL_PREFIX) ? target.substring(Limits.POOL_PREFIX.length()) : Limits.DEFAULT_POOL;
    }
}
