package org.gorchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gorchestrator.cli.Cli.Run;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.LocalPorts;
import org.gorchestrator.model.State;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line, run as a separate process for each command against a real system (API, conductor and worker
 * started here on the test broker): what it prints, on stdout and stderr, and its exit codes; the live display in a
 * pseudo-terminal, plain lines in a pipe.
 */
@ExtendWith(KafkaBroker.class)
class GorchCommandLineIT {
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final char ESC = '\u001b';

    @TempDir
    static Path dataDir;
    @TempDir
    static Path documents;
    static GorchSystem system;
    static Cli gorch;

    @BeforeAll
    static void start() {
        // the examples name their scripts relative to the repository
        system = new GorchSystem(dataDir, "gorch.worker.artifacts-dir=" + Cli.REPO).all("worker-1");
        gorch = new Cli(system.baseUrl());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void submitWaitFollowsARunToSuccessInPlainLinesWhenPiped() {
        Run run = gorch.run("submit", "--wait", "examples/seed-runnable.json");

        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.outLines().get(0)).matches(ID + " seed example, runnable here: \\w+, 8 nodes");
        assertThat(run.outLines()).anyMatch(line -> line.matches("\\[8/8] \\w success"));
        assertThat(run.outLines().get(run.outLines().size() - 1)).matches("success in [0-9.]+s: 8 success");
        assertThat(run.out()).doesNotContain(String.valueOf(ESC));
    }

    @Test
    void aFailedRunExitsWith1NamingTheFailureAndARerunRunsItAgain() {
        Run failed = gorch.run("submit", "--wait", "examples/failing.json");
        String id = failed.outLines().get(0).substring(0, 36);
        Run rerun = gorch.run("rerun", "--wait", id);

        assertThat(failed.exit()).as("%s", failed).isEqualTo(1);
        assertThat(failed.out()).contains("] break failure: exit code 3; stderr: something went wrong\n", "] never notrunnable");
        assertThat(failed.outLines().get(failed.outLines().size() - 1)).matches("failure in [0-9.]+s: 3 success, 1 failure, 1 notrunnable");
        assertThat(rerun.exit()).as("%s", rerun).isEqualTo(1);
        assertThat(rerun.out()).contains("break failure (attempt 2): exit code 3");
    }

    @Test
    void inATerminalTheRunIsDrawnLiveWithAProgressBarAndFailuresAsTheyHappen() throws IOException {
        assumeTrue(DotCommand.onPath("script").isPresent(), "util-linux's script, which gives the command a pseudo-terminal, is missing");
        Path steps = document("steps.json", """
                {"name": "three steps", "edges": [[0, 1], [1, 2]], "nodes": [
                  {"id": 0, "name": "first", "engine": "sleep", "args": ["1500ms"]},
                  {"id": 1, "name": "second", "engine": "sleep", "args": ["1500ms"]},
                  {"id": 2, "name": "third", "engine": "nil"}]}""");

        Run live = gorch.inTerminal("submit", "--wait", steps.toString());
        Run failing = gorch.inTerminal("submit", "--wait", "examples/failing.json");

        assertThat(live.exit()).as("%s", live).isZero();
        assertThat(live.out()).contains(ESC + "[1mthree steps", "█", "░", "/3  running").containsPattern("running: (first|second)");
        assertThat(live.out()).as("the status block is redrawn in place").contains("\r" + ESC + "[2A" + ESC + "[J");
        assertThat(live.out()).contains("✓ success" + ESC + "[0m  3/3 in ");
        assertThat(failing.exit()).as("%s", failing).isEqualTo(1);
        assertThat(failing.out()).contains("✗ " + ESC + "[0mbreak failure: exit code 3", "✗ failure" + ESC + "[0m  5/5 in ");
    }

    @Test
    void escapeSequencesInNamesAndInWhatAProgramPrintedReachTheTerminalOnlyAsVisibleText() throws IOException {
        Path escapes = document("escapes.json", """
                {"name": "retitle\\u001b]0;owned\\u0007", "digraph": [0],
                 "nodes": [{"id": 0, "name": "wipe\\u001b[2J", "engine": "shell", "artifact": "sh",
                            "args": ["-c", "printf '\\\\033[31mred\\\\033[0m\\\\n' >&2; exit 3"]}]}""");

        Run run = gorch.run("submit", "--wait", escapes.toString());
        Run table = gorch.run("get", run.outLines().get(0).substring(0, 36));

        assertThat(run.exit()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains(" retitle^[]0;owned^G: ", "wipe^[[2J failure: exit code 3; stderr: ^[[31mred^[[0m");
        assertThat(table.outLines()).contains("name     retitle^[]0;owned^G")
                .anyMatch(line -> line.matches("0\\s+wipe\\^\\[\\[2J\\s+failure\\s+.*stderr: \\^\\[\\[31mred\\^\\[\\[0m"));
        assertThat(run.out() + table.out()).doesNotContain(String.valueOf(ESC), "\u0007");
    }

    @Test
    void submitPrintsTheTaskIdWhichGetWatchAndListShow() {
        String name = "cli-listed-" + System.nanoTime();
        Run submitted = gorch.run("submit", "--name", name, "examples/seed-runnable.json");
        String id = submitted.out().strip();

        Run watched = gorch.run("watch", id);
        Run table = gorch.run("get", id);
        Run json = gorch.run("get", "-o", "json", id);
        Run listed = gorch.run("list", "--limit", "50");
        Run succeeded = gorch.run("list", "--state", "success", "-o", "json");
        Run failed = gorch.run("list", "--state", "failure", "-o", "json");

        assertThat(submitted.exit()).as("%s", submitted).isZero();
        assertThat(id).matches(ID);
        assertThat(watched.exit()).as("%s", watched).isZero();
        assertThat(table.outLines()).contains("TASK     " + id, "name     " + name, "state    success");
        assertThat(table.outLines()).anyMatch(line -> line.matches("3\\s+d\\s+success\\s+1\\s+shell\\s+0\\s+[0-9.]+s\\s+-"));
        Graph graph = Json.read(json.out(), Graph.class);
        assertThat(graph.id()).isEqualTo(id);
        assertThat(graph.state()).isEqualTo(State.SUCCESS);
        assertThat(listed.outLines().get(0)).matches("ID\\s+NAME\\s+STATE\\s+STARTED\\s+STOPPED");
        assertThat(listed.outLines()).anyMatch(line -> line.startsWith(id + "  " + name) && line.contains(" success "));
        assertThat(ids(succeeded)).contains(id);
        assertThat(Json.mapper().readTree(succeeded.out()).get(0).get("state_name").asString()).isEqualTo("success");
        assertThat(ids(failed)).doesNotContain(id);
    }

    @Test
    void anInvalidDocumentIsReportedLikeACompilerInTheSameWordsOfflineAndByTheServer() throws IOException {
        Path bad = document("bad.json", """
                {"digraph": [0, 0, 0, 0], "nodes": [{"id": 0, "engine": "shel"}, {"id": 1, "engine": "shell"}]}""");
        Path broken = document("broken.json", "{\"nodes\": [\n  {\"id\": 0,}\n]}");

        Run offline = gorch.run("validate", bad.toString());
        Run server = gorch.run("submit", bad.toString());
        Run brokenOffline = gorch.run("validate", broken.toString());
        Run brokenServer = gorch.run("submit", "--wait", broken.toString());
        Path repeated = document("repeated.json", "{\"name\": \"x\", \"name\": \"y\", \"nodes\": [{\"id\": 0, \"engine\": \"nil\"}]}");
        Run repeatedOffline = gorch.run("validate", repeated.toString());
        Run repeatedServer = gorch.run("submit", repeated.toString());
        Run valid = gorch.run("validate", "examples/seed-runnable.json");
        Run missing = gorch.run("submit", "no-such-file.json");

        assertThat(offline.exit()).as("%s", offline).isEqualTo(65);
        assertThat(offline.errLines()).containsExactly(
                bad + ": nodes[0].engine: unknown engine 'shel'; known engines: ansible, docker, nil, shell, sleep, ssh, toscassh",
                bad + ": nodes[1].artifact: is required by engine shell");
        assertThat(server.exit()).as("%s", server).isEqualTo(65);
        assertThat(server.err()).isEqualTo(offline.err());
        assertThat(brokenOffline.exit()).isEqualTo(65);
        assertThat(brokenOffline.err()).startsWith(broken + ": nodes[0]: malformed JSON").contains("(line 2, column");
        assertThat(brokenServer.exit()).isEqualTo(65);
        assertThat(brokenServer.err()).isEqualTo(brokenOffline.err());
        assertThat(repeatedOffline.exit()).isEqualTo(65);
        assertThat(repeatedOffline.err()).isEqualTo(repeated + ": name: is given twice; a field may appear once in an object (line 1, column 21)\n");
        assertThat(repeatedServer.err()).isEqualTo(repeatedOffline.err());
        assertThat(valid.exit()).isZero();
        assertThat(valid.out()).isEqualTo("examples/seed-runnable.json: valid, 8 nodes, 9 edges\n");
        assertThat(valid.err()).as("nothing else, no logging library's warnings").isEmpty();
        assertThat(missing.exit()).isEqualTo(66);
        assertThat(missing.err()).isEqualTo("gorch: no-such-file.json: no such file\n");
    }

    @Test
    void aNodesLogIsReadAndFollowedWhileItRuns() throws IOException {
        Path talker = document("talker.json", """
                {"name": "talker", "digraph": [0], "nodes": [{"id": 0, "name": "talk", "engine": "shell", "artifact": "/bin/sh",
                  "args": ["-c", "echo one; sleep 0.5; echo two >&2; sleep 0.5; echo three"]}]}""");
        String id = gorch.run("submit", talker.toString()).out().strip();

        Run followed = gorch.run("logs", "-f", id, "talk");
        Run read = gorch.run("logs", id, "0");
        Run otherAttempt = gorch.run("logs", "--attempt", "2", id, "talk");
        Run badAttempt = gorch.run("logs", "--attempt", "0", id, "talk");
        Run noNode = gorch.run("logs", id, "nobody");

        assertThat(followed.exit()).as("%s", followed).isZero();
        assertThat(followed.out()).isEqualTo("one\ntwo\nthree\n");
        assertThat(read.out()).isEqualTo("one\ntwo\nthree\n");
        assertThat(otherAttempt.exit()).isZero();
        assertThat(otherAttempt.out()).isEmpty();
        assertThat(badAttempt.exit()).isEqualTo(64);
        assertThat(badAttempt.err()).contains("--attempt must be 1 or more");
        assertThat(noNode.exit()).isEqualTo(1);
        assertThat(noNode.err()).startsWith("gorch: Node not found: ");
    }

    @Test
    void aWatchThatTimesOutExits2ACancelEndsTheRunAndWatchThenExits3() throws IOException {
        Path nap = document("nap.json", """
                {"name": "long nap", "digraph": [0], "nodes": [{"id": 0, "name": "nap", "engine": "sleep", "args": ["60s"]}]}""");
        String id = gorch.run("submit", nap.toString()).out().strip();

        Run impatient = gorch.run("watch", "--timeout", "1s", id);
        Run cancel = gorch.run("cancel", id);
        Run watched = gorch.run("watch", id);
        Run again = gorch.run("cancel", id);

        assertThat(impatient.exit()).as("%s", impatient).isEqualTo(2);
        assertThat(impatient.outLines().get(impatient.outLines().size() - 1)).isEqualTo("still running after 1.0s: 0/1 nodes done");
        assertThat(cancel.exit()).isZero();
        assertThat(cancel.out()).isEqualTo("canceling " + id + "\n");
        assertThat(watched.exit()).as("%s", watched).isEqualTo(3);
        assertThat(watched.out()).contains("[1/1] nap canceled", "canceled in ");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).startsWith("gorch: ").contains("canceled");
    }

    @Test
    void anIdempotencyKeyAnswersTheSameTaskAndStartsNothingNew() {
        String key = "cli-" + System.nanoTime();

        Run first = gorch.run("submit", "--key", key, "examples/seed-runnable.json");
        Run again = gorch.run("submit", "--key", key, "examples/seed-runnable.json");
        Run badKey = gorch.run("submit", "--key", "no spaces", "examples/seed-runnable.json");

        assertThat(again.out()).isEqualTo(first.out());
        assertThat(again.err()).isEqualTo("gorch: submitted before with key " + key + ": task " + first.out().strip()
                + ", nothing new started\n");
        assertThat(badKey.exit()).isEqualTo(64);
        assertThat(badKey.err()).startsWith("gorch: Invalid parameter: Idempotency-Key");
    }

    @Test
    void dotDrawsADocumentOfflineAndATaskWithItsStatesAndSvgNeedsGraphviz() {
        Run file = gorch.run("dot", "examples/seed-runnable.json");
        String id = gorch.run("submit", "--wait", "examples/failing.json").outLines().get(0).substring(0, 36);
        Run task = gorch.run("dot", id);
        Run withoutGraphviz = gorch.run(Map.of("PATH", "/nonexistent"), "dot", "--svg", id);

        assertThat(file.exit()).isZero();
        assertThat(file.out()).startsWith("digraph \"seed example, runnable here\" {\n  rankdir=LR;\n")
                .contains("label=\"d|shell|examples/scripts/provision.sh\", fillcolor=\"#ffffff\"");
        assertThat(file.outLines()).filteredOn(line -> line.contains(" -> ")).hasSize(9);
        assertThat(task.out()).contains("label=\"break|shell|examples/scripts/fail.sh|failure\", fillcolor=\"#fc9272\"",
                "label=\"never|shell|examples/scripts/work.sh|notrunnable\"", "n0 -> n1;");
        assertThat(withoutGraphviz.exit()).isEqualTo(69);
        assertThat(withoutGraphviz.err()).startsWith("gorch: --svg needs Graphviz's dot program on the PATH");
        assumeTrue(DotCommand.onPath("dot").isPresent(), "Graphviz is not installed here");
        Run svg = gorch.run("dot", "--svg", id);
        assertThat(svg.exit()).isZero();
        assertThat(svg.out()).contains("<svg", "break");
    }

    @Test
    void usageErrorsExit64AndHelpCompletionAndTheLauncherWork() throws IOException, InterruptedException {
        Run unknownOption = gorch.run("submit", "--frobnicate", "examples/seed-runnable.json");
        Run nothing = gorch.run();
        Run help = gorch.run("submit", "--help");
        Run completion = gorch.run("completion");

        assertThat(unknownOption.exit()).isEqualTo(64);
        assertThat(unknownOption.err()).contains("Unknown option: '--frobnicate'", "Try 'gorch submit --help'.");
        assertThat(nothing.exit()).isEqualTo(64);
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: gorch submit", "--wait", "Exit codes:", "Examples:", "gorch submit --wait --key");
        assertThat(completion.out()).contains("complete -F", "gorch");
        Process launcher = new ProcessBuilder("sh", Cli.REPO.resolve("bin/gorch").toString(), "--version").redirectErrorStream(true).start();
        String version = new String(launcher.getInputStream().readAllBytes());
        assertThat(launcher.waitFor()).isZero();
        assertThat(version).startsWith("gorch 0.1.0");
    }

    @Test
    void aServerThatDoesNotAnswerExits69() {
        int closedPort = LocalPorts.free();

        Run run = gorch.run("--server", "http://127.0.0.1:" + closedPort, "list");

        assertThat(run.exit()).isEqualTo(69);
        assertThat(run.err()).startsWith("gorch: cannot reach http://127.0.0.1:" + closedPort + ": ");
    }

    private static Path document(String name, String json) throws IOException {
        return Files.writeString(documents.resolve(name), json);
    }

    private static List<String> ids(Run json) {
        return Json.mapper().readTree(json.out()).valueStream().map(task -> task.get("id").asString()).toList();
    }
}
