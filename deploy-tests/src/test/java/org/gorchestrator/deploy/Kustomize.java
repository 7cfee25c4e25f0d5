package org.gorchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a kustomization with {@code kubectl kustomize}, as {@code kubectl apply -k} would. The
 * manifests use Kustomize components and patch targets, so kubectl's Kustomize must be v5 or later
 * (kubectl 1.27+); with an older one, or none, the tests that need it are skipped, saying so.
 */
final class Kustomize {
    private static final Pattern VERSION = Pattern.compile("\"kustomizeVersion\":\\s*\"v(\\d+)\\.");
    private static final Pattern KUBECTL = Pattern.compile("\"gitVersion\":\\s*\"([^\"]+)\"");
    private static final int MIN_MAJOR = 5;

    private Kustomize() {
    }

    /** The rendered YAML, several documents. */
    static String render(Path kustomization, String... options) throws IOException, InterruptedException {
        assumeKustomize();
        List<String> command = new java.util.ArrayList<>(List.of("kubectl", "kustomize", "."));
        command.addAll(List.of(options));
        Tool.Result rendered = Tool.run(kustomization, command.toArray(String[]::new));
        assertThat(rendered.exitCode()).as("kubectl kustomize %s: %s", kustomization, rendered.errors()).isZero();
        return rendered.output();
    }

    private static void assumeKustomize() throws IOException, InterruptedException {
        Tool.assumeOnPath("kubectl", "Debian: apt-get install kubectl, or kubernetes-client; .ci/run installs it");
        Tool.Result version = Tool.run(Repository.ROOT, "kubectl", "version", "--client", "-o", "json");
        Matcher matcher = VERSION.matcher(version.output());
        int major = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        Matcher kubectl = KUBECTL.matcher(version.output());
        assumeTrue(major >= MIN_MAJOR, "kubectl " + (kubectl.find() ? kubectl.group(1) : "of unknown version")
                + " has a Kustomize older than v" + MIN_MAJOR + ": the manifests need kubectl 1.27 or later");
    }
}
