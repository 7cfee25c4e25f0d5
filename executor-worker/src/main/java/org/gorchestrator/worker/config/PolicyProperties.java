package org.gorchestrator.worker.config;

import java.nio.file.Path;
import java.util.List;
import org.gorchestrator.policy.ExecutionPolicy;
import org.gorchestrator.worker.driver.shell.NodeSandbox;
import org.gorchestrator.worker.driver.shell.RunAs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.worker.policy.*}: what this worker runs ({@link ExecutionPolicy}: unset rules allow
 * anything) and how its processes start ({@link NodeSandbox}).
 *
 * @param engines       the engines nodes may use; {@code *} or unset: any
 * @param passEnv       the worker's variables nodes get besides PATH, HOME and LANG
 * @param runAs         {@code user} or {@code user:group} nodes run as (setpriv); empty: the worker's user
 * @param hideProcesses run each node in its own user and PID namespace (unshare), so that it sees no other process
 */
@Validated
@ConfigurationProperties("gorch.worker.policy")
public record PolicyProperties(
        List<String> engines,
        ExecutionPolicy.Shell shell,
        ExecutionPolicy.Ansible ansible,
        ExecutionPolicy.Docker docker,
        List<String> passEnv,
        @DefaultValue("") String runAs,
        @DefaultValue("false") boolean hideProcesses) {

    public PolicyProperties {
        // A pattern that is no glob or a name that is no variable stops the start here, named by its property.
        toPolicy(null);
        sandbox(null);
    }

    /** The policy, with relative artifacts resolving against the worker's artifacts directory. */
    public ExecutionPolicy toPolicy(Path artifactsDir) {
        return new ExecutionPolicy(engines, shell, ansible, docker, artifactsDir);
    }

    /** The sandbox, with the run-as user's group looked up (a user that does not exist stops the start). */
    public NodeSandbox toSandbox() {
        return sandbox(runAs.isBlank() ? null : RunAs.parse(runAs));
    }

    private NodeSandbox sandbox(RunAs user) {
        return new NodeSandbox(passEnv, user, hideProcesses);
    }
}
