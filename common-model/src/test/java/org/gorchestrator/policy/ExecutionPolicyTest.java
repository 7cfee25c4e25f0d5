package org.gorchestrator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionPolicyTest {
    private static final Path ARTIFACTS = Path.of("/srv/artifacts");
    private static final ExecutionPolicy STRICT = new ExecutionPolicy(List.of("shell", "ansible", "docker"),
            new ExecutionPolicy.Shell(List.of("/usr/bin/env", "echo"), true), new ExecutionPolicy.Ansible(Path.of("/srv/playbooks")),
            new ExecutionPolicy.Docker(List.of("registry.example.com/team/*")), ARTIFACTS);

    @Test
    void anEngineOutsideTheListIsRefused() {
        assertThat(rule(STRICT, "ssh", "uptime")).contains("engines");
        assertThat(rule(STRICT, "shell", "echo")).isEmpty();
    }

    @Test
    void aProgramOutsideTheArtifactsMustMatchAGlob() {
        assertThat(rule(STRICT, "shell", "/usr/bin/env")).isEmpty();
        assertThat(rule(STRICT, "shell", "/usr/bin/../bin/env")).isEmpty();
        assertThat(rule(STRICT, "shell", "sh")).contains("shell.programs");
        assertThat(rule(STRICT, "shell", "/bin/sh")).contains("shell.programs");
        assertThat(rule(STRICT, "shell", "scripts/build.sh")).isEmpty();
        assertThat(rule(STRICT, "shell", "/srv/artifacts/scripts/build.sh")).isEmpty();
    }

    @Test
    void programsOutsideTheArtifactsCanBeForbiddenAltogether() {
        ExecutionPolicy artifactsOnly = new ExecutionPolicy(null, new ExecutionPolicy.Shell(null, false), null, null, ARTIFACTS);

        assertThat(rule(artifactsOnly, "shell", "echo")).contains("shell.outside-artifacts");
        assertThat(rule(artifactsOnly, "shell", "/usr/bin/env")).contains("shell.outside-artifacts");
        assertThat(rule(artifactsOnly, "shell", "scripts/build.sh")).isEmpty();
    }

    @Test
    void aRelativeArtifactThatLeavesItsDirectoryIsRefusedEvenByThePermissivePolicy() {
        ExecutionPolicy permissive = ExecutionPolicy.permissive(ARTIFACTS);

        assertThat(rule(permissive, "shell", "../../bin/sh")).contains("artifact-escapes-base");
        assertThat(rule(permissive, "shell", "scripts/../../x")).contains("artifact-escapes-base");
        assertThat(rule(permissive, "ansible", "../site.yml")).contains("artifact-escapes-base");
        assertThat(rule(permissive.withArtifactsDir(null), "shell", "a/../../x")).contains("artifact-escapes-base");
        assertThat(rule(permissive, "shell", "scripts/../build.sh")).isEmpty();
    }

    @Test
    void aLinkIsFollowedWhereTheResolverFollowsIt() {
        PathResolver link = path -> path.startsWith("/srv/artifacts/tools") ? Path.of("/usr/bin").resolve(path.getFileName()) : path;

        assertThat(STRICT.check(new Execution(1, "n", "shell", "tools/sh"), PathResolver.LEXICAL)).isEmpty();
        assertThat(STRICT.check(new Execution(1, "n", "shell", "tools/sh"), link)).map(PolicyViolation::rule).contains("artifact-escapes-base");
    }

    @Test
    void playbooksMustLieInTheirDirectory() {
        assertThat(rule(STRICT, "ansible", "/srv/playbooks/site.yml")).isEmpty();
        assertThat(rule(STRICT, "ansible", "/tmp/site.yml")).contains("ansible.playbooks-dir");
        assertThat(rule(STRICT, "ansible", "site.yml")).contains("ansible.playbooks-dir");
        assertThat(rule(STRICT.withArtifactsDir(Path.of("/srv/playbooks")), "ansible", "site.yml")).isEmpty();
    }

    @Test
    void imagesMustMatchAGlob() {
        assertThat(rule(STRICT, "docker", "registry.example.com/team/tool:1.2")).isEmpty();
        assertThat(rule(STRICT, "docker", "alpine:3.19")).contains("docker.images");
        assertThat(rule(STRICT, "docker", "registry.example.com/other/tool")).contains("docker.images");
    }

    @Test
    void theViolationNamesTheNodeAndTheRule() {
        PolicyViolation violation = STRICT.check(new Execution(3, "build", "shell", "/bin/sh"), PathResolver.LEXICAL).orElseThrow();

        assertThat(violation.toString()).isEqualTo(
                "node 3 (build) breaks execution policy rule shell.programs: program '/bin/sh' matches none of [/usr/bin/env, echo]");
    }

    @Test
    void aPatternThatIsNoGlobIsRefusedAtOnce() {
        assertThatThrownBy(() -> new ExecutionPolicy.Shell(List.of("/usr/bin/[a"), null))
                .hasMessageContaining("shell.programs");
    }

    private static Optional<String> rule(ExecutionPolicy policy, String engine, String artifact) {
        return policy.check(new Execution(1, "n", engine, artifact), PathResolver.LEXICAL).map(PolicyViolation::rule);
    }
}
