package org.gorchestrator.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a pool of workers may run. The worker checks it before every attempt, whoever wrote the command
 * (the conductor, or anyone who can write to the command topic); the API checks it at submit when it
 * knows the target pool's policy. Rules, named as their properties:
 * <ul>
 *   <li>{@code engines}: the engines nodes may use ({@code *}: any);</li>
 *   <li>{@code shell.outside-artifacts}: whether a shell node may run a program that is not in the
 *       artifacts directory (a bare name looked up on the PATH, or an absolute path elsewhere);</li>
 *   <li>{@code shell.programs}: globs such a program must match, a bare name as written
 *       ({@code echo}), a path as its absolute path ({@code /usr/bin/*});</li>
 *   <li>{@code ansible.playbooks-dir}: the directory playbooks must lie in (unset: anywhere);</li>
 *   <li>{@code docker.images}: globs of the images docker nodes may run;</li>
 *   <li>{@code artifact-escapes-base}, always on: a relative artifact must stay in the artifacts
 *       directory, through {@code ../} or symbolic links alike.</li>
 * </ul>
 * Whatever is left unset allows anything, so that a policy names only what it restricts.
 *
 * @param artifactsDir what relative artifacts resolve against; null where unknown (then only {@code ../}
 *                     is caught, and every absolute path counts as outside it)
 */
public record ExecutionPolicy(List<String> engines, Shell shell, Ansible ansible, Docker docker, Path artifactsDir) {
    public static final String ANY_ENGINE = "*";
    private static final List<String> ANYTHING = List.of("**");

    public ExecutionPolicy {
        engines = engines == null || engines.isEmpty() ? List.of(ANY_ENGINE) : List.copyOf(engines);
        shell = shell == null ? new Shell(null, null) : shell;
        ansible = ansible == null ? new Ansible(null) : ansible;
        docker = docker == null ? new Docker(null) : docker;
        artifactsDir = artifactsDir == null ? null : artifactsDir.toAbsolutePath().normalize();
    }

    /**
     * @param programs         globs of the programs outside the artifacts directory that may run (unset: any)
     * @param outsideArtifacts whether programs outside the artifacts directory may run at all (unset: yes)
     */
    public record Shell(List<String> programs, Boolean outsideArtifacts) {
        public Shell {
            programs = programs == null || programs.isEmpty() ? ANYTHING : List.copyOf(programs);
            outsideArtifacts = outsideArtifacts == null || outsideArtifacts;
            Globs.of("shell.programs", programs);
        }
    }

    /** @param playbooksDir the directory playbooks must lie in (unset: anywhere) */
    public record Ansible(Path playbooksDir) {
        public Ansible {
            playbooksDir = playbooksDir == null ? null : playbooksDir.toAbsolutePath().normalize();
        }
    }

    /** @param images globs of the images that may run (unset: any) */
    public record Docker(List<String> images) {
        public Docker {
            images = images == null || images.isEmpty() ? ANYTHING : List.copyOf(images);
            Globs.of("docker.images", images);
        }
    }

    /** Every engine, any program and image, playbooks anywhere: only escapes from the artifacts directory are refused. */
    public static ExecutionPolicy permissive(Path artifactsDir) {
        return new ExecutionPolicy(null, null, null, null, artifactsDir);
    }

    /** The same policy with relative artifacts resolving against {@code dir}. */
    public ExecutionPolicy withArtifactsDir(Path dir) {
        return new ExecutionPolicy(engines, shell, ansible, docker, dir);
    }

    /** The first rule {@code execution} breaks, the engine's first; empty when it may run. */
    public Optional<PolicyViolation> check(Execution execution, PathResolver paths) {
        return new PolicyCheck(this, execution, paths).run();
    }

    /** The violation of every node that breaks a rule, in the order given. */
    public List<PolicyViolation> checkAll(List<Execution> executions, PathResolver paths) {
        return executions.stream().map(execution -> check(execution, paths)).flatMap(Optional::stream).toList();
    }
}
