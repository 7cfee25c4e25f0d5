package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.gorchestrator.policy.ExecutionPolicy;
import org.gorchestrator.worker.driver.ansible.AnsibleDriver;
import org.gorchestrator.worker.driver.ansible.AnsibleSettings;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.shell.ShellDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The worker's drivers behind a strict policy, with real processes and a real artifacts directory. */
@EnabledOnOs(OS.LINUX)
class PolicyEnforcementTest {
    @TempDir
    Path tmp;
    private Path artifacts;
    private DriverRegistry drivers;

    @BeforeEach
    void strictWorker() throws IOException {
        artifacts = Files.createDirectories(tmp.resolve("artifacts"));
        Path script = Files.writeString(Files.createDirectories(artifacts.resolve("scripts")).resolve("hello.sh"), "#!/bin/sh\necho hello\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(artifacts.resolve("scripts/sh"), Path.of("/bin/sh"));
        Files.createSymbolicLink(artifacts.resolve("outside"), tmp);
        Files.setPosixFilePermissions(Files.copy(script, tmp.resolve("elsewhere.sh")), PosixFilePermissions.fromString("rwxr-xr-x"));
        ExecutionPolicy policy = new ExecutionPolicy(List.of("shell", "ansible", "docker", "nil"),
                new ExecutionPolicy.Shell(List.of("/usr/bin/printf", "echo"), null), new ExecutionPolicy.Ansible(tmp.resolve("playbooks")),
                new ExecutionPolicy.Docker(List.of("registry.example.com/**")), artifacts);
        ShellDriver shell = new ShellDriver(Duration.ofMillis(500), artifacts);
        drivers = new DriverRegistry(List.of(new NilDriver(), new SleepDriver(), shell,
                new AnsibleDriver(shell, new AnsibleSettings("ansible-playbook", null, artifacts)),
                new NeverCalled("docker")), policy);
    }

    @Test
    void allowedProgramsAndArtifactsRun() {
        assertThat(run("shell", "echo", "hi").success()).isTrue();
        assertThat(run("shell", "/usr/bin/printf", "hi").success()).isTrue();
        DriverResult script = run("shell", "scripts/hello.sh");
        assertThat(script.success()).isTrue();
        assertThat(script.stdoutTail()).contains("hello");
    }

    @Test
    void eachRuleRefusesTheNodeNamingTheRule() {
        assertRefused(run("sleep", "", "1"), "engines");
        assertRefused(run("shell", "sh", "-c", "id"), "shell.programs");
        assertRefused(run("shell", "/bin/sh", "-c", "id"), "shell.programs");
        assertRefused(run("shell", "../../../bin/sh", "-c", "id"), "artifact-escapes-base");
        assertRefused(run("shell", "scripts/sh", "-c", "id"), "artifact-escapes-base");
        assertRefused(run("shell", "outside/elsewhere.sh"), "artifact-escapes-base");
        assertRefused(run("ansible", "/etc/site.yml"), "ansible.playbooks-dir");
        assertRefused(run("docker", "alpine:3.19"), "docker.images");
    }

    private static void assertRefused(DriverResult result, String rule) {
        assertThat(result.success()).isFalse();
        assertThat(result.exitCode()).as("never started").isNull();
        assertThat(result.message()).startsWith("refused by the execution policy of worker w1: node 4 (n4) breaks execution policy rule " + rule + ":");
    }

    /** A driver the policy must keep every node from. */
    private record NeverCalled(String engine) implements Driver {
        @Override
        public DriverResult run(NodeCommand command, RunContext context) {
            throw new AssertionError("the policy let " + command + " through");
        }
    }

    private DriverResult run(String engine, String artifact, String... args) {
        return drivers.run(command("wf", 4, engine, artifact, List.of(args)), RunContext.of("w1", Duration.ofSeconds(30), 64 * 1024));
    }
}
