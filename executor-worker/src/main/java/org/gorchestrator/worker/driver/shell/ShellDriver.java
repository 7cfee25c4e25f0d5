package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.Ending;
import org.gorchestrator.worker.driver.NodeOutput;
import org.gorchestrator.worker.driver.OutputChannel;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.driver.StreamPump;
import org.gorchestrator.worker.driver.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine {@code shell}: runs the artifact with the args as its argv, never through a shell, in a
 * private working directory, with the node's identity in {@code GORCH_*} environment variables.
 * Exit code 0 is success. On timeout or cancel every process of the node is killed; when the program exits, whatever
 * it left running is ({@link ProcessTree}).
 */
public final class ShellDriver implements Driver {
    private static final Logger LOG = LoggerFactory.getLogger(ShellDriver.class);
    private static final int SHOWN_CHARS = 200;

    private final Duration killGrace;
    private final Path artifactsDir;
    private final NodeSandbox sandbox;

    /**
     * @param killGrace    how long processes get to end after SIGTERM before SIGKILL
     * @param artifactsDir what a relative artifact path such as {@code scripts/run.sh} is relative to
     *                     (each process runs in a private directory, so it cannot be that)
     * @param sandbox      the environment, user and namespaces processes start with
     */
    public ShellDriver(Duration killGrace, Path artifactsDir, NodeSandbox sandbox) {
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
        this.artifactsDir = artifactsDir.toAbsolutePath().normalize();
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    /** Processes with a clean environment, as the worker's user. */
    public ShellDriver(Duration killGrace, Path artifactsDir) {
        this(killGrace, artifactsDir, NodeSandbox.CLEAN);
    }

    /**
     * Ends the processes that workers which died on this host left running, so that their attempts, which run again,
     * never run twice at once: for a worker to call before it takes commands.
     *
     * @return how many processes were ended
     */
    public static int endOrphans(Duration killGrace) {
        return ProcessTree.endOrphans(killGrace);
    }

    @Override
    public String engine() {
        return "shell";
    }

    @Override
    public DriverResult run(NodeCommand command, RunContext context) {
        if (command.artifact() == null || command.artifact().isBlank()) {
            return DriverResult.failed("engine shell needs an artifact: the program to run");
        }
        WorkDir dir;
        try {
            dir = WorkDir.create();
        } catch (IOException e) {
            return DriverResult.failed("cannot create a working directory on worker " + context.workerId() + ": " + e.getMessage());
        }
        try (dir) {
            String tag = ProcessTree.newTag();
            Process process;
            try {
                sandbox.handOver(dir.path());
                process = processBuilder(command, dir, tag).start();
            } catch (IOException e) {
                return DriverResult.failed("cannot start '" + Texts.clip(command.artifact(), SHOWN_CHARS) + "' on worker "
                        + context.workerId() + ": " + e.getMessage());
            }
            return supervise(process, ProcessTree.of(process.toHandle(), tag), command, context);
        }
    }

    private ProcessBuilder processBuilder(NodeCommand command, WorkDir dir, String tag) {
        List<String> argv = new ArrayList<>(command.args().size() + 1);
        argv.add(program(command.artifact()));
        argv.addAll(command.args());
        ProcessBuilder builder = new ProcessBuilder(sandbox.argv(argv)).directory(dir.path().toFile());
        builder.environment().clear();
        builder.environment().putAll(sandbox.environment(command, System.getenv(), dir.path()));
        builder.environment().put(ProcessTree.VARIABLE, tag);
        return builder;
    }

    /** A bare name ({@code echo}) is looked up on the PATH; a relative path is resolved against the artifacts directory. */
    private String program(String artifact) {
        Path path = Path.of(artifact);
        return path.isAbsolute() || path.getNameCount() == 1 ? artifact : artifactsDir.resolve(path).toString();
    }

    /**
     * Waits for the program, then ends whatever of its processes still runs: all of them on a timeout or cancel, its
     * leftovers (background children, daemons) when it exits by itself. A node's processes end with the node, and its
     * output streams, which a leftover may hold open, close with them.
     */
    private DriverResult supervise(Process process, ProcessTree tree, NodeCommand command, RunContext context) {
        closeInput(process);
        NodeOutput output = new NodeOutput(command, context);
        StreamPump stdout = output.pump(OutputChannel.STDOUT, process.getInputStream(), "gorch-stdout-" + process.pid());
        StreamPump stderr = output.pump(OutputChannel.STDERR, process.getErrorStream(), "gorch-stderr-" + process.pid());

        Ending ending = Ending.await(process.onExit(), context.cancellation(), context.timeLimit(), () -> tree.end(killGrace));
        int leftovers = ending == Ending.ENDED ? tree.end(killGrace) : 0;
        if (leftovers > 0) {
            // A succeeded attempt carries no message: the worker's log is where that one says it.
            LOG.info("node {}/{} attempt {}: ended {} processes it left running when it exited", command.workflowId(), command.nodeId(),
                    command.attempt(), leftovers);
        }
        stdout.await(killGrace);
        stderr.await(killGrace);
        DriverResult result = switch (ending) {
            case ENDED -> exited(process.exitValue(), leftovers, output.declaredValues());
            case TIMED_OUT -> DriverResult.timedOut(context.timeLimit());
            case CANCELED -> DriverResult.canceled();
        };
        return output.withTails(result);
    }

    private static DriverResult exited(int exitCode, int leftovers, Map<String, String> outputs) {
        String message = "exit code " + exitCode + switch (leftovers) {
            case 0 -> "";
            case 1 -> "; ended 1 process it left running";
            default -> "; ended " + leftovers + " processes it left running";
        };
        return new DriverResult(exitCode == 0, exitCode, outputs, message, "", "", false);
    }

    /** The program reads no input: it sees end of file at once instead of waiting forever. */
    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the process already went: nothing to close
        }
    }
}
