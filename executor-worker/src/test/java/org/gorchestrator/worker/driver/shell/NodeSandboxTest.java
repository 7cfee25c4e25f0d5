package org.gorchestrator.worker.driver.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real node processes of this JVM, which has a secret in its environment and one on its command line
 * (see the surefire configuration in this module's pom): what can a node read of them?
 */
@EnabledOnOs(OS.LINUX)
class NodeSandboxTest {
    private static final String ENV_SECRET = "env-secret-5f1c";
    private static final String CMDLINE_SECRET = "cmdline-secret-9a7e";
    private static final NodeCommand SNOOP = command("wf", 1, "shell", "sh",
            List.of("-c", "env; cat /proc/$PPID/environ /proc/$PPID/cmdline; for p in /proc/[0-9]*; do cat $p/cmdline; echo; done; true"));

    @TempDir
    Path tmp;

    @BeforeEach
    void theWorkerHasTheSecrets() {
        assertThat(System.getenv("AWS_SECRET_ACCESS_KEY")).isEqualTo(ENV_SECRET);
        assertThat(ProcessHandle.current().info().arguments().map(List::of).orElseThrow()).contains("-Dgorch.test.jaas=" + CMDLINE_SECRET);
    }

    @Test
    void aCleanEnvironmentAloneKeepsTheSecretOutOfTheNodesEnvironmentButNotOutOfProc() {
        DriverResult result = run(NodeSandbox.CLEAN, SNOOP);

        assertThat(result.success()).isTrue();
        String env = result.stdoutTail().substring(0, result.stdoutTail().indexOf("GORCH_ATTEMPT"));
        assertThat(env).doesNotContain(ENV_SECRET);
        // Same user as the worker: /proc gives both away. This is why nodes should run as another user.
        assertThat(result.stdoutTail()).contains(ENV_SECRET).contains(CMDLINE_SECRET);
    }

    @Test
    void aNodeRunAsAnotherUserInItsOwnNamespaceReadsNeitherSecret() {
        assumeRoot();

        DriverResult result = run(new NodeSandbox(List.of(), RunAs.parse("nobody"), true), SNOOP);

        assertThat(result.success()).as(result.message() + result.stderrTail()).isTrue();
        assertThat(result.stdoutTail()).contains("GORCH_NODE_ID=1").doesNotContain(ENV_SECRET).doesNotContain(CMDLINE_SECRET);
    }

    @Test
    void aNodeRunAsAnotherUserCannotReadTheWorkersEnvironmentNorItsFiles() throws IOException {
        assumeRoot();
        Path data = Files.writeString(tmp.resolve("state"), "data-secret-77c1");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-------"));
        NodeCommand snoop = command("wf", 1, "shell", "sh", List.of("-c", "id -un; cat /proc/$PPID/environ; cat " + data + "; true"));

        DriverResult result = run(new NodeSandbox(List.of(), RunAs.parse("nobody"), false), snoop);

        assertThat(result.stdoutTail()).startsWith("nobody").doesNotContain(ENV_SECRET).doesNotContain("data-secret-77c1");
        assertThat(result.stderrTail()).contains("Permission denied");
    }

    @Test
    void allowedVariablesPass() {
        DriverResult result = run(new NodeSandbox(List.of("AWS_SECRET_ACCESS_KEY"), null, false),
                command("wf", 1, "shell", "sh", List.of("-c", "echo \"key=$AWS_SECRET_ACCESS_KEY home=$HOME\"")));

        assertThat(result.stdoutTail()).contains("key=" + ENV_SECRET).contains("home=" + System.getenv("HOME"));
    }

    @Test
    void aWorkerThatCannotSwitchToTheUserStopsAtStartSayingWhy() {
        assertThatThrownBy(() -> RunAs.parse("no-such-user-gorch")).hasMessageContaining("no-such-user-gorch")
                .hasMessageContaining("gorch.worker.policy.run-as");
        assumeThat(isRoot()).as("only a worker that is not root is refused the switch").isFalse();
        assertThatThrownBy(() -> new NodeSandbox(List.of(), RunAs.parse("nobody"), false).probe()).hasMessageContaining("setpriv");
    }

    private static void assumeRoot() {
        assumeThat(isRoot()).as("switching users needs a worker running as root; these tests run as another user").isTrue();
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException e) {
            return false;
        }
    }

    private static DriverResult run(NodeSandbox sandbox, NodeCommand command) {
        return new ShellDriver(Duration.ofMillis(500), Path.of(""), sandbox).run(command, RunContext.of("w1", Duration.ofSeconds(30), 256 * 1024));
    }
}
