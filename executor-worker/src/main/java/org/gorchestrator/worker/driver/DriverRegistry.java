package org.gorchestrator.worker.driver;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.policy.Execution;
import org.gorchestrator.policy.ExecutionPolicy;
import org.gorchestrator.policy.PathResolver;
import org.gorchestrator.policy.PolicyViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers of one worker, by engine name, behind its execution policy. A node whose engine has no
 * driver, or that the policy refuses, fails; the worker carries on.
 */
public final class DriverRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistry.class);
    private static final int SHOWN_CHARS = 40;

    private final Map<String, Driver> byEngine = new TreeMap<>();
    private final ExecutionPolicy policy;
    private final PathResolver paths = new RealPaths();

    /** Drivers that run what the policy allows; it is checked on every command, wherever the command came from. */
    public DriverRegistry(Collection<? extends Driver> drivers, ExecutionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        for (Driver driver : drivers) {
            Driver other = byEngine.putIfAbsent(driver.engine(), driver);
            if (other != null) {
                throw new IllegalArgumentException("engine '" + driver.engine() + "' has two drivers: "
                        + other.getClass().getName() + " and " + driver.getClass().getName());
            }
        }
    }

    /** Drivers behind the permissive policy: anything but an artifact that leaves its directory. */
    public DriverRegistry(Collection<? extends Driver> drivers) {
        this(drivers, ExecutionPolicy.permissive(null));
    }

    public Set<String> engines() {
        return byEngine.keySet();
    }

    /** Runs the command with its engine's driver; never throws for a bad node or a broken driver. */
    public DriverResult run(NodeCommand command, RunContext context) {
        Optional<PolicyViolation> refused = policy.check(Execution.of(command), paths);
        if (refused.isPresent()) {
            return DriverResult.failed("refused by the execution policy of worker " + context.workerId() + ": " + refused.get());
        }
        Driver driver = byEngine.get(command.engine());
        if (driver == null) {
            return DriverResult.failed("no driver for engine '" + Texts.clip(command.engine(), SHOWN_CHARS) + "' on worker " + context.workerId()
                    + "; it runs " + String.join(", ", engines()));
        }
        try {
            return driver.run(command, context);
        } catch (RuntimeException e) {
            LOG.error("driver {} broke on node {} of workflow {}", driver.engine(), command.nodeId(), command.workflowId(), e);
            return DriverResult.failed("driver " + driver.engine() + " broke on worker " + context.workerId() + ": " + e);
        }
    }
}
