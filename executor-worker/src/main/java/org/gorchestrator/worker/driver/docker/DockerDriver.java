package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.Cancellation;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.NodeOutput;
import org.gorchestrator.worker.driver.OutputChannel;
import org.gorchestrator.worker.driver.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine {@code docker}: runs the image named by the artifact with the args as its command, through
 * the Docker Engine API. The container gets the configured memory, CPU and network, and nothing
 * more (see {@link ContainerSpec}). Exit code 0 is success; outputs come from its standard output
 * as with shell. On timeout or cancel the container is killed; whatever happened, it is removed.
 */
public final class DockerDriver implements Driver {
    private static final Logger LOG = LoggerFactory.getLogger(DockerDriver.class);
    /** For the calls after the run (kill, logs, remove), which the node's time limit no longer covers. */
    private static final Duration CLEANUP_LIMIT = Duration.ofSeconds(30);

    private final ContainerApi api;
    private final DockerSettings settings;
    private final DockerHost host;

    public DockerDriver(DockerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.host = DockerHost.parse(settings.host());
        this.api = new ContainerApi(new EngineClient(host));
    }

    @Override
    public String engine() {
        return "docker";
    }

    @Override
    public DriverResult run(NodeCommand command, RunContext context) {
        if (command.artifact() == null || command.artifact().isBlank()) {
            return DriverResult.failed("engine docker needs an artifact: the image to run");
        }
        // Named before it exists, so that it can be killed and removed even when the answer to create is lost.
        String name = "gorch-" + UUID.randomUUID();
        try {
            return runToEnd(name, command, context);
        } finally {
            cleanup("remove", name, () -> api.remove(name));
        }
    }

    private DriverResult runToEnd(String name, NodeCommand command, RunContext context) {
        try {
            int exitCode = Bounded.call(() -> createStartAndWait(name, command), context.timeLimit(), context.cancellation(), "gorch-" + name);
            return withLogs(new DriverResult(exitCode == 0, exitCode, Map.of(), "exit code " + exitCode, "", "", false), name, command, context);
        } catch (TimeoutException e) {
            cleanup("kill", name, () -> api.kill(name));
            return withLogs(DriverResult.timedOut(context.timeLimit()), name, command, context);
        } catch (CancellationException e) {
            cleanup("kill", name, () -> api.kill(name));
            return withLogs(DriverResult.canceled(), name, command, context);
        } catch (EngineException e) {
            return DriverResult.failed("docker on worker " + context.workerId() + ": " + e.getMessage());
        } catch (IOException e) {
            return DriverResult.failed("cannot reach the Docker Engine at " + host + " from worker " + context.workerId() + ": " + e);
        }
    }

    private int createStartAndWait(String name, NodeCommand command) throws IOException {
        ContainerSpec spec = ContainerSpec.of(command, settings);
        if (settings.pull() == DockerSettings.Pull.ALWAYS) {
            api.pull(spec.image());
        }
        if (!api.create(name, spec)) {
            if (settings.pull() != DockerSettings.Pull.MISSING) {
                throw new EngineException("the engine has no image " + spec.image() + " (gorch.worker.docker.pull=" + settings.pull() + ")");
            }
            api.pull(spec.image());
            if (!api.create(name, spec)) {
                throw new EngineException("the engine has no image " + spec.image() + ", even after pulling it");
            }
        }
        api.start(name);
        return api.awaitExit(name);
    }

    /** Feeds the container's logs to the sink, and its standard output to the declared outputs of an exited run. */
    private DriverResult withLogs(DriverResult result, String name, NodeCommand command, RunContext context) {
        NodeOutput output = new NodeOutput(command, context);
        pumpLogs(name, LogStream.STDOUT, OutputChannel.STDOUT, output);
        pumpLogs(name, LogStream.STDERR, OutputChannel.STDERR, output);
        DriverResult withOutputs = result.exitCode() == null ? result
                : new DriverResult(result.success(), result.exitCode(), output.declaredValues(), result.message(), "", "", false);
        return output.withTails(withOutputs);
    }

    private void pumpLogs(String name, int stream, OutputChannel channel, NodeOutput output) {
        try (EngineResponse logs = Bounded.call(() -> api.logs(name, stream), CLEANUP_LIMIT, new Cancellation(), "gorch-logs-" + name)) {
            // Closing the response ends a pump still reading when the limit passes.
            output.pump(channel, new LogStream(logs.body(), stream), "gorch-logs-" + name).await(CLEANUP_LIMIT);
        } catch (IOException | TimeoutException | CancellationException e) {
            LOG.warn("could not read the logs of container {}: {}", name, e.toString());
        }
    }

    private void cleanup(String action, String name, Cleanup call) {
        try {
            Bounded.call(() -> {
                call.run();
                return null;
            }, CLEANUP_LIMIT, new Cancellation(), "gorch-" + action + "-" + name);
        } catch (IOException | TimeoutException | CancellationException e) {
            LOG.warn("could not {} container {} at {}: {}", action, name, host, e.toString());
        }
    }

    private interface Cleanup {
        void run() throws IOException;
    }
}
