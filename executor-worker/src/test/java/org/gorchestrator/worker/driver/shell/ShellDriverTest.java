package org.gorchestrator.worker.driver.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;
import static org.gorchestrator.worker.testkit.Processes.gone;
import static org.gorchestrator.worker.testkit.Processes.pids;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real processes. The bash fixtures below are the tests' own scripts, passed as argv like any node's. */
@EnabledOnOs(OS.LINUX)
class ShellDriverTest {
    /** Starts a background child, records its own and the child's pid in the file named by $1, and waits. */
    private static final String PARENT_AND_CHILD = "echo $$ > \"$1\"; sleep 60 & echo $! >> \"$1\"; wait";

    private final ShellDriver driver = new ShellDriver(Duration.ofMillis(500), java.nio.file.Path.of(""));

    @TempDir
    Path tmp;

    @Test
    void succeedsWithOutputsFromNameValueLinesTheLastOneWinning() {
        NodeCommand command = withOutputs(command("wf", 3, "shell", "printf",
                List.of("ip=10.0.0.1\nnoise\nip=10.0.0.2\nport=22\nundeclared=1\n")), List.of("ip", "port"));

        DriverResult result = run(command, Duration.ofSeconds(10));

        assertThat(result.success()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.outputs()).isEqualTo(Map.of("ip", "10.0.0.2", "port", "22"));
        assertThat(result.stdoutTail()).contains("noise");
    }

    @Test
    void takesOutputsFromAJsonLine() {
        NodeCommand command = withOutputs(command("wf", 3, "shell", "echo",
                List.of("::{\"outputs\": {\"ip\": \"10.0.0.9\", \"count\": 3, \"undeclared\": \"x\"}}::")), List.of("ip", "count"));

        DriverResult result = run(command, Duration.ofSeconds(10));

        assertThat(result.success()).isTrue();
        assertThat(result.outputs()).isEqualTo(Map.of("ip", "10.0.0.9", "count", "3"));
    }

    @Test
    void aNonZeroExitFailsWithTheExitCodeAndStderr() {
        NodeCommand command = command("wf", 1, "shell", "sh", List.of("-c", "echo working; echo disk full >&2; exit 3"));

        DriverResult result = run(command, Duration.ofSeconds(10));

        assertThat(result.success()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("exit code 3");
        assertThat(result.stdoutTail()).isEqualTo("working");
        assertThat(result.stderrTail()).isEqualTo("disk full");
    }

    @Test
    void argsReachTheProgramLiterallyWithoutAShell() {
        Path marker = tmp.resolve("pwned");
        List<String> args = List.of("$(touch " + marker + ")", "; rm -rf x", "`touch " + marker + "`", "a  b", "*", "$HOME");

        DriverResult result = run(command("wf", 1, "shell", "printf", prepend("%s\n", args)), Duration.ofSeconds(10));

        assertThat(result.success()).isTrue();
        assertThat(result.stdoutTail().split("\n")).containsExactlyElementsOf(args);
        assertThat(marker).doesNotExist();
    }

    @Test
    void capsEachStreamKeepingItsEndBehindAMarker() {
        int limit = 1024;
        long seqOutputBytes = 588_895; // seq 1 100000, newlines included

        DriverResult result = driver.run(command("wf", 1, "shell", "seq", List.of("1", "100000")),
                RunContext.of("w1", Duration.ofSeconds(30), limit));

        assertThat(result.success()).isTrue();
        String tail = result.stdoutTail();
        Matcher marker = Pattern.compile("^…\\[truncated (\\d+) bytes]\n").matcher(tail);
        assertThat(marker.find()).as("marker at the start of %s", tail.substring(0, 40)).isTrue();
        String kept = tail.substring(marker.end());
        assertThat(kept).endsWith("99999\n100000");
        long keptBytes = kept.length() + 1; // ASCII, plus the last line's newline
        assertThat(keptBytes).isLessThanOrEqualTo(limit);
        assertThat(Long.parseLong(marker.group(1)) + keptBytes).isEqualTo(seqOutputBytes);
    }

    @Test
    void givesTheNodeItsIdentityAndAPrivateWorkingDirectoryDeletedAfterwards() {
        NodeCommand command = new NodeCommand("wf-env", 4, 2, "deploy", "shell", "sh",
                List.of("-c", "echo \"$GORCH_WORKFLOW_ID|$GORCH_NODE_ID|$GORCH_NODE_NAME|$GORCH_ATTEMPT\"; pwd; touch left-behind"),
                null, List.of(), null, Instant.now());

        DriverResult result = run(command, Duration.ofSeconds(10));

        String[] lines = result.stdoutTail().split("\n");
        assertThat(lines[0]).isEqualTo("wf-env|4|deploy|2");
        Path workDir = Path.of(lines[1]);
        assertThat(workDir.getFileName().toString()).startsWith("gorch-node-");
        assertThat(workDir).isNotEqualTo(Path.of("").toAbsolutePath());
        assertThat(workDir).doesNotExist();
    }

    @Test
    void aTimeoutKillsTheProcessAndItsChildren() throws IOException {
        Path pids = tmp.resolve("pids");

        DriverResult result = runRecording(PARENT_AND_CHILD, pids, Duration.ofSeconds(2));

        assertThat(result.success()).isFalse();
        assertThat(result.timedOut()).isTrue();
        assertThat(result.message()).isEqualTo("timed out after 2s");
        assertAllGone(pids, 2);
    }

    @Test
    void aCancelFromAnotherThreadKillsTheProcessAndItsChildren() throws Exception {
        Path pids = tmp.resolve("pids");
        RunContext context = RunContext.of("w1", Duration.ofHours(1), 4096);
        NodeCommand command = command("wf", 1, "shell", "bash", List.of("-c", PARENT_AND_CHILD, "fixture", pids.toString()));
        CompletableFuture<DriverResult> running = CompletableFuture.supplyAsync(() -> driver.run(command, context));
        await().atMost(Duration.ofSeconds(10)).until(() -> pids(pids).size() == 2);

        context.cancellation().cancel();

        DriverResult result = running.get(20, TimeUnit.SECONDS);
        assertThat(result.success()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.message()).isEqualTo("canceled");
        assertThat(pids(pids)).allSatisfy(pid -> assertThat(gone(pid)).as("pid %d gone", pid).isTrue());
    }

    @Test
    void processesIgnoringSigtermAreKilledAfterTheGrace() throws IOException {
        Path pids = tmp.resolve("pids");
        String ignoreTerm = "trap '' TERM; " + PARENT_AND_CHILD;

        DriverResult result = runRecording(ignoreTerm, pids, Duration.ofSeconds(1));

        assertThat(result.timedOut()).isTrue();
        assertAllGone(pids, 2);
    }

    @Test
    void whatAProgramLeavesRunningEndsWhenItExitsEvenIfItLeftTheTree() throws IOException {
        Path pids = tmp.resolve("pids");
        // A background child, and a daemon that a double fork re-parents away from the program.
        String leaveTwo = "sleep 60 & echo $! > \"$1\"; (sleep 61 & echo $! >> \"$1\"); echo done";

        DriverResult result = runRecording(leaveTwo, pids, Duration.ofSeconds(30));

        assertThat(result.success()).isTrue();
        assertThat(result.message()).isEqualTo("exit code 0; ended 2 processes it left running");
        assertThat(result.stdoutTail()).isEqualTo("done");
        assertAllGone(pids, 2);
    }

    @Test
    void aTimeoutKillsADaemonThatLeftTheTree() throws IOException {
        Path pids = tmp.resolve("pids");
        String daemonThenWait = "(sleep 60 & echo $! > \"$1\"); sleep 60";

        DriverResult result = runRecording(daemonThenWait, pids, Duration.ofSeconds(1));

        assertThat(result.timedOut()).isTrue();
        assertAllGone(pids, 1);
    }

    @Test
    void aDaemonStartedWithoutTheTagOutlivesTheNodeOnPurpose() throws IOException {
        Path pids = tmp.resolve("pids");
        // Waits until env(1) has become sleep: before its exec it still carries the tag.
        String untaggedDaemon = "(env -u " + ProcessTree.VARIABLE + " sleep 60 & echo $! > \"$1\"; "
                + "until [ \"$(cat /proc/$!/comm)\" = sleep ]; do :; done)";

        DriverResult result = runRecording(untaggedDaemon, pids, Duration.ofSeconds(30));

        long daemon = pids(pids).get(0);
        try {
            assertThat(result.message()).isEqualTo("exit code 0");
            assertThat(gone(daemon)).as("untagged daemon %d still runs", daemon).isFalse();
        } finally {
            ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theProgramSeesNoInput() {
        DriverResult result = run(command("wf", 1, "shell", "cat", List.of()), Duration.ofSeconds(10));

        assertThat(result.success()).isTrue();
    }

    @Test
    void aProgramThatCannotStartFailsNamingIt() {
        DriverResult result = run(command("wf", 1, "shell", "/nonexistent/deploy.sh", List.of()), Duration.ofSeconds(10));

        assertThat(result.success()).isFalse();
        assertThat(result.exitCode()).isNull();
        assertThat(result.message()).startsWith("cannot start '/nonexistent/deploy.sh' on worker w1: ");
    }

    @Test
    void noArtifactFails() {
        DriverResult result = run(command("wf", 1, "shell", " ", List.of()), Duration.ofSeconds(10));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("engine shell needs an artifact: the program to run");
    }

    private DriverResult run(NodeCommand command, Duration limit) {
        return driver.run(command, RunContext.of("w1", limit, 64 * 1024));
    }

    /** Runs a bash fixture whose first argument is the file it records pids in. */
    private DriverResult runRecording(String script, Path pids, Duration limit) {
        return run(command("wf", 1, "shell", "bash", List.of("-c", script, "fixture", pids.toString())), limit);
    }

    private static void assertAllGone(Path pids, int count) throws IOException {
        assertThat(pids(pids)).hasSize(count).allSatisfy(pid -> assertThat(gone(pid)).as("pid %d gone", pid).isTrue());
    }

    private static List<String> prepend(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
