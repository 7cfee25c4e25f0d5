package org.gorchestrator.api.policy;

import java.util.Map;
import org.gorchestrator.policy.ExecutionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gorch.api.pool-policies.<pool>.*}: the execution policy of each worker pool's workers (the same
 * rules as their {@code gorch.worker.policy.*}, plus {@code artifacts-dir}), so that the API refuses at
 * submit a document they would refuse to run. A pool without an entry is not checked here.
 */
@ConfigurationProperties("gorch.api")
public record PoolPolicyProperties(Map<String, ExecutionPolicy> poolPolicies) {
    public PoolPolicyProperties {
        poolPolicies = poolPolicies == null ? Map.of() : Map.copyOf(poolPolicies);
    }
}
