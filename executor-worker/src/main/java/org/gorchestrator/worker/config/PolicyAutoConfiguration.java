package org.gorchestrator.worker.config;

import org.gorchestrator.worker.driver.shell.NodeSandbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@code gorch.worker.policy.*}: shared by the worker's own drivers and the other engines' ({@link DriverAutoConfiguration}). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "gorch.worker", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PolicyProperties.class)
public class PolicyAutoConfiguration {

    /** How node processes start; a worker that cannot start them as configured stops here, saying why. */
    @Bean
    public NodeSandbox gorchWorkerSandbox(PolicyProperties policy) {
        RootWarning.logIfRoot(policy);
        NodeSandbox sandbox = policy.toSandbox();
        sandbox.probe();
        return sandbox;
    }
}
