package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.OutputChannel;
import org.gorchestrator.worker.driver.OutputSink;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.driver.Texts;

/**
 * Engine {@code shell}: runs the artifact with the args as its argv, never through a shell, in a
 * private working directory, with the node's identity in {@code GORCH_*} environment variables.
 * Exit code 0 is success. On timeout or cancel the whole process tree is killed.
 */
public final class ShellDriver implements Driver {
    private static final int SHOWN_CHARS = 200;

    private final Duration killGrace;
    private final Path artifactsDir;

    /**
     * @param killGrace    how long processes get to end after SIGTERM before SIGKILL
     * @param artifactsDir what a relative artifact path such as {@code scripts/run.sh} is relative to
     *                     (each process runs in a private directory, so it cannot be that)
     */
    public ShellDriver(Duration killGrace, Path artifactsDir) {
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
        this.artifactsDir = artifactsDir.toAbsolutePath().normalize();
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
            Process process;
            try {
                process = processBuilder(command, dir).start();
            } catch (IOException e) {
                return DriverResult.failed("cannot start '" + Texts.clip(command.artifact(), SHOWN_CHARS) + "' on worker "
                        + context.workerId() + ": " + e.getMessage());
            }
            return supervise(process, command, context);
        }
    }

    private ProcessBuilder processBuilder(NodeCommand command, WorkDir dir) {
        List<String> argv = new ArrayList<>(command.args().size() + 1);
        argv.add(program(command.artifact()));
        argv.addAll(command.args());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.path().toFile());
        nodeEnvironment(builder.environment(), command);
        return builder;
    }

    /** A bare name ({@code echo}) is looked up on the PATH; a relative path is resolved against the artifacts directory. */
    private String program(String artifact) {
        Path path = Path.of(artifact);
        return path.isAbsolute() || path.getNameCount() == 1 ? artifact : artifactsDir.resolve(path).toString();
    }

    /**
     * The worker's environment, less its own configuration ({@code SPRING_*}, {@code GORCH_*}: Kafka
     * credentials can be among it), plus the node's identity.
     */
    public static void nodeEnvironment(Map<String, String> env, NodeCommand command) {
        env.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("GORCH_"));
        env.put("GORCH_WORKFLOW_ID", command.workflowId());
        env.put("GORCH_NODE_ID", Integer.toString(command.nodeId()));
        env.put("GORCH_NODE_NAME", command.name() == null ? "" : command.name());
        env.put("GORCH_ATTEMPT", Integer.toString(command.attempt()));
    }

    private DriverResult supervise(Process process, NodeCommand command, RunContext context) {
        closeInput(process);
        DeclaredOutputs outputs = new DeclaredOutputs(command.outputs());
        OutputSink sink = context.sink();
        StreamPump stdout = StreamPump.start(process.getInputStream(), context.maxOutputBytes(), line -> {
            sink.line(OutputChannel.STDOUT, line);
            outputs.accept(line);
        }, "gorch-stdout-" + process.pid());
        StreamPump stderr = StreamPump.start(process.getErrorStream(), context.maxOutputBytes(),
                line -> sink.line(OutputChannel.STDERR, line), "gorch-stderr-" + process.pid());

        Ending ending = awaitEnd(process, context);
        if (ending != Ending.EXITED) {
            ProcessTree.kill(process.toHandle(), killGrace);
        }
        stdout.await(killGrace);
        stderr.await(killGrace);
        DriverResult result = switch (ending) {
            case EXITED -> exited(process.exitValue(), outputs.values());
            case TIMED_OUT -> DriverResult.timedOut(context.timeLimit());
            case CANCELED -> DriverResult.canceled();
        };
        return result.withTails(sink.tail(OutputChannel.STDOUT), sink.tail(OutputChannel.STDERR));
    }

    private static DriverResult exited(int exitCode, Map<String, String> outputs) {
        return new DriverResult(exitCode == 0, exitCode, outputs, "exit code " + exitCode, "", "", false);
    }

    private static Ending awaitEnd(Process process, RunContext context) {
        CompletableFuture<Object> exitOrCancel = CompletableFuture.anyOf(process.onExit(), context.cancellation().whenCancelled());
        try {
            exitOrCancel.get(context.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Ending.TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.CANCELED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for a process cannot fail", e);
        }
        return process.isAlive() ? Ending.CANCELED : Ending.EXITED;
    }

    /** The program reads no input: it sees end of file at once instead of waiting forever. */
    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the process already went: nothing to close
        }
    }

    private enum Ending { EXITED, TIMED_OUT, CANCELED }
}
