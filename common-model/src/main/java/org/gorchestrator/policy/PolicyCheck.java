package org.gorchestrator.policy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** One node checked against one policy; see {@link ExecutionPolicy} for the rules. */
final class PolicyCheck {
    private static final int SHOWN_CHARS = 200;

    private final ExecutionPolicy policy;
    private final Execution execution;
    private final PathResolver paths;

    PolicyCheck(ExecutionPolicy policy, Execution execution, PathResolver paths) {
        this.policy = policy;
        this.execution = execution;
        this.paths = paths;
    }

    Optional<PolicyViolation> run() {
        String engine = execution.engine();
        if (!policy.engines().contains(ExecutionPolicy.ANY_ENGINE) && !policy.engines().contains(engine)) {
            return refuse("engines", "engine '" + clip(engine) + "' is not one of " + policy.engines());
        }
        String artifact = execution.artifact();
        if (artifact == null || artifact.isBlank()) {
            return Optional.empty(); // nothing to run: the driver itself refuses a node that needs an artifact
        }
        try {
            return switch (engine) {
                case "shell" -> program(artifact);
                case "ansible" -> playbook(artifact);
                case "docker" -> image(artifact);
                default -> Optional.empty();
            };
        } catch (InvalidPathException e) {
            return refuse("artifact-escapes-base", "artifact '" + clip(artifact) + "' is not a path: " + e.getReason());
        }
    }

    private Optional<PolicyViolation> program(String artifact) {
        Path path = Path.of(artifact);
        boolean bareName = !path.isAbsolute() && path.getNameCount() == 1 && !artifact.equals(".") && !artifact.equals("..");
        if (!bareName) {
            Optional<PolicyViolation> escape = escape(path);
            if (escape.isPresent() || !path.isAbsolute() || isInArtifactsDir(path)) {
                return escape; // a relative path stays in the artifacts directory, or was refused
            }
        }
        if (!policy.shell().outsideArtifacts()) {
            return refuse("shell.outside-artifacts", "program '" + clip(artifact) + "' is not in the artifacts directory "
                    + shown(policy.artifactsDir()) + " and programs outside it may not run");
        }
        if (!Globs.of("shell.programs", policy.shell().programs()).matches(artifact)) {
            return refuse("shell.programs", "program '" + clip(artifact) + "' matches none of " + policy.shell().programs());
        }
        return Optional.empty();
    }

    private Optional<PolicyViolation> playbook(String artifact) {
        Path path = Path.of(artifact);
        Optional<PolicyViolation> escape = escape(path);
        if (escape.isPresent() || policy.ansible().playbooksDir() == null) {
            return escape;
        }
        Path playbook = path.isAbsolute() || policy.artifactsDir() == null ? path : policy.artifactsDir().resolve(path);
        if (playbook.isAbsolute() && paths.resolve(playbook.normalize()).startsWith(paths.resolve(policy.ansible().playbooksDir()))) {
            return Optional.empty();
        }
        return refuse("ansible.playbooks-dir", "playbook '" + clip(artifact) + "' is not in " + policy.ansible().playbooksDir());
    }

    private Optional<PolicyViolation> image(String artifact) {
        if (Globs.of("docker.images", policy.docker().images()).matches(artifact)) {
            return Optional.empty();
        }
        return refuse("docker.images", "image '" + clip(artifact) + "' matches none of " + policy.docker().images());
    }

    /** A relative path must stay in the artifacts directory, also once its links are followed. */
    private Optional<PolicyViolation> escape(Path path) {
        if (path.isAbsolute()) {
            return Optional.empty();
        }
        Path base = policy.artifactsDir();
        boolean escapes = base == null
                ? path.normalize().startsWith("..")
                : !paths.resolve(base.resolve(path).normalize()).startsWith(paths.resolve(base));
        return escapes ? refuse("artifact-escapes-base", "artifact '" + clip(path.toString()) + "' leads out of the artifacts directory "
                + shown(base)) : Optional.empty();
    }

    private boolean isInArtifactsDir(Path absolute) {
        Path base = policy.artifactsDir();
        return base != null && paths.resolve(absolute.normalize()).startsWith(paths.resolve(base));
    }

    private Optional<PolicyViolation> refuse(String rule, String message) {
        return Optional.of(new PolicyViolation(execution.nodeId(), execution.nodeName(), rule, message));
    }

    private static String shown(Path dir) {
        return dir == null ? "of the workers" : dir.toString();
    }

    private static String clip(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }
}
