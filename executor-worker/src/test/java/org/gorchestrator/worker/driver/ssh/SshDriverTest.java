package org.gorchestrator.worker.driver.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.gorchestrator.test.TestSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The ssh drivers against a real SSH server on 127.0.0.1 ({@link TestSshServer}) that runs real processes. */
@EnabledOnOs(OS.LINUX)
class SshDriverTest {
    @TempDir
    Path tmp;

    private Path home;
    private Path knownHosts;
    private TestSshServer server;
    private SshConnector connector;
    private SshSettings settings;

    @BeforeEach
    void start() throws Exception {
        home = Files.createDirectory(tmp.resolve("home"));
        server = TestSshServer.start(home);
        server.writeUserKey(tmp.resolve("id_ecdsa"));
        Files.writeString(tmp.resolve("hosts.yaml"), """
                - name: box
                  host: 127.0.0.1
                  port: %d
                  user: %s
                  private_key: id_ecdsa
                """.formatted(server.port(), TestSshServer.USER));
        knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine());
        connector = new SshConnector(knownHosts);
        settings = new SshSettings(tmp.resolve("hosts.yaml"), Duration.ofSeconds(5), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        server.close();
    }

    @Test
    void runsTheArtifactWithItsArgsOnTheTargetWordForWordAndReadsOutputs() {
        String tricky = "it's $HOME; rm -rf / `id` \"q\" *";
        NodeCommand command = withOutputs(onBox(command("wf-ssh", 5, "ssh", "sh",
                List.of("-c", "echo \"arg=$1\"; echo \"count=$#\"; echo \"node=$GORCH_NODE_NAME\"; pwd; echo warn >&2", "sh", tricky))),
                List.of("arg", "count", "node"));

        DriverResult result = SshDriver.ssh(connector, settings).run(command, context(Duration.ofSeconds(20)));

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.outputs()).isEqualTo(Map.of("arg", tricky, "count", "1", "node", "n5"));
        assertThat(result.stdoutTail()).contains(home.toString());
        assertThat(result.stderrTail()).isEqualTo("warn");
    }

    @Test
    void aNonZeroExitFailsWithTheExitCode() {
        DriverResult result = SshDriver.ssh(connector, settings).run(onBox(command("wf-ssh", 1, "ssh", "sh", List.of("-c", "exit 7"))),
                context(Duration.ofSeconds(20)));

        assertThat(result.success()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.message()).isEqualTo("exit code 7");
    }

    @Test
    void toscasshPassesNameValueArgsAsEnvironmentVariables() {
        NodeCommand command = withOutputs(onBox(command("wf-ssh", 2, "toscassh", "sh",
                List.of("-c", "echo \"my_ip=$ip_address\"; echo \"args=$#\"", "ip_address=10.0.0.1 'x'"))), List.of("my_ip", "args"));

        DriverResult result = SshDriver.toscassh(connector, settings).run(command, context(Duration.ofSeconds(20)));

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.outputs()).isEqualTo(Map.of("my_ip", "10.0.0.1 'x'", "args", "0"));
    }

    @Test
    void anUnknownHostKeyIsRefusedAndNothingRuns() throws Exception {
        Files.writeString(knownHosts, "");

        DriverResult result = runMarker();

        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("ssh to box (tester@127.0.0.1:" + server.port() + ") from worker test-worker: the host key of ")
                .contains("is unknown: ecdsa-sha2-nistp256 SHA256:", "is not in " + knownHosts);
        assertThat(home.resolve("ran")).doesNotExist();
    }

    @Test
    void onceTheWorkerStopsItsConnectorOpensNoSessionAndNothingRuns() {
        DriverResult first = runMarker();
        assertThat(first.success()).as(first.message()).isTrue();
        connector.close();
        home.resolve("ran").toFile().delete();

        DriverResult result = runMarker();

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("the SSH client is closed: the worker is stopping");
        assertThat(home.resolve("ran")).doesNotExist();
    }

    @Test
    void aChangedHostKeyIsRefusedAndNothingRuns() throws Exception {
        Files.writeString(knownHosts, server.knownHostsLine(TestSshServer.newKey().getPublic()));

        DriverResult result = runMarker();

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("CHANGED: it is now ecdsa-sha2-nistp256 SHA256:");
        assertThat(home.resolve("ran")).doesNotExist();
    }

    @Test
    void aTargetThatIsNotInTheHostsFileIsRefused() {
        NodeCommand command = targeting(command("wf-ssh", 1, "toscassh", "true", List.of()), "nowhere");

        DriverResult result = SshDriver.toscassh(connector, settings).run(command, context(Duration.ofSeconds(20)));

        assertThat(result.message()).isEqualTo("toscassh: no host 'nowhere' in " + tmp.resolve("hosts.yaml") + "; it has box");
    }

    @Test
    void aTimeoutStopsTheRemoteProgram() throws Exception {
        Path pid = home.resolve("pid");
        NodeCommand command = onBox(command("wf-ssh", 1, "ssh", "sh", List.of("-c", "echo $$ > pid; exec sleep 30")));

        DriverResult result = SshDriver.ssh(connector, settings).run(command, context(Duration.ofSeconds(2)));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.message()).isEqualTo("timed out after 2s");
        long remote = Long.parseLong(Files.readString(pid).trim());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(remote).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aCancelStopsTheRemoteProgram() throws Exception {
        Path pid = home.resolve("pid");
        NodeCommand command = onBox(command("wf-ssh", 1, "ssh", "sh", List.of("-c", "echo $$ > pid; exec sleep 30")));
        RunContext context = context(Duration.ofSeconds(30));
        CompletableFuture<DriverResult> running = CompletableFuture.supplyAsync(() -> SshDriver.ssh(connector, settings).run(command, context));

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pid) && !Files.readString(pid).isBlank());
        context.cancellation().cancel();
        DriverResult result = running.get(10, TimeUnit.SECONDS);

        assertThat(result.message()).isEqualTo("canceled");
        long remote = Long.parseLong(Files.readString(pid).trim());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(remote).map(p -> !p.isAlive()).orElse(true));
    }

    private DriverResult runMarker() {
        return SshDriver.ssh(connector, settings).run(onBox(command("wf-ssh", 1, "ssh", "touch", List.of("ran"))), context(Duration.ofSeconds(20)));
    }

    private static NodeCommand onBox(NodeCommand c) {
        return targeting(c, "box");
    }

    private static NodeCommand targeting(NodeCommand c, String target) {
        return new NodeCommand(c.workflowId(), c.nodeId(), c.attempt(), c.name(), c.engine(), c.artifact(), c.args(), target, c.outputs(),
                c.timeoutSeconds(), c.at());
    }

    private static RunContext context(Duration limit) {
        return RunContext.of("test-worker", limit, 64 * 1024);
    }
}
