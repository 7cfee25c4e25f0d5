package org.gorchestrator.worker.driver.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.Ending;
import org.gorchestrator.worker.driver.NodeOutput;
import org.gorchestrator.worker.driver.OutputChannel;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.driver.StreamPump;

/**
 * Engines {@code ssh} and {@code toscassh}: run the artifact with the args on the host that the
 * node's target names in the hosts file, over SSH (see {@link RemoteCommand} for the command line).
 * {@code toscassh} passes {@code NAME=value} args as environment variables instead, as the seed did.
 * Exit code 0 is success; outputs come from the standard output as with shell. On timeout or cancel
 * the program gets a TERM signal (where the server supports signals), then its channel is closed.
 */
public final class SshDriver implements Driver {
    private final String engine;
    private final boolean argsAsEnvironment;
    private final SshConnector connector;
    private final SshSettings settings;

    private SshDriver(String engine, boolean argsAsEnvironment, SshConnector connector, SshSettings settings) {
        this.engine = engine;
        this.argsAsEnvironment = argsAsEnvironment;
        this.connector = Objects.requireNonNull(connector, "connector");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public static SshDriver ssh(SshConnector connector, SshSettings settings) {
        return new SshDriver("ssh", false, connector, settings);
    }

    public static SshDriver toscassh(SshConnector connector, SshSettings settings) {
        return new SshDriver("toscassh", true, connector, settings);
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public DriverResult run(NodeCommand command, RunContext context) {
        if (command.artifact() == null || command.artifact().isBlank()) {
            return DriverResult.failed("engine " + engine + " needs an artifact: the program to run on the target");
        }
        SshHost host;
        String commandLine;
        try {
            host = SshHosts.find(settings.hostsFile(), command.target());
            commandLine = RemoteCommand.of(command, argsAsEnvironment);
        } catch (IOException | IllegalArgumentException e) {
            return DriverResult.failed(engine + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + context.timeLimit().toNanos();
        Duration connectTimeout = min(settings.connectTimeout(), context.timeLimit());
        try (ClientSession session = connector.open(host, connectTimeout)) {
            return execute(session, commandLine, command, context, Duration.ofNanos(deadline - System.nanoTime()));
        } catch (IOException e) {
            return DriverResult.failed(engine + " to " + host + " from worker " + context.workerId() + ": " + e.getMessage());
        }
    }

    private DriverResult execute(ClientSession session, String commandLine, NodeCommand command, RunContext context, Duration left)
            throws IOException {
        try (ChannelExec channel = session.createExecChannel(commandLine)) {
            channel.open().verify(settings.connectTimeout());
            channel.getInvertedIn().close(); // the program reads no input: it sees end of file at once
            NodeOutput output = new NodeOutput(command, context);
            StreamPump stdout = output.pump(OutputChannel.STDOUT, channel.getInvertedOut(), "gorch-ssh-stdout-" + command.key());
            StreamPump stderr = output.pump(OutputChannel.STDERR, channel.getInvertedErr(), "gorch-ssh-stderr-" + command.key());

            Ending ending = Ending.await(closed(channel), context.cancellation(), left, () -> stop(channel));
            stdout.await(settings.killGrace());
            stderr.await(settings.killGrace());
            DriverResult result = switch (ending) {
                case ENDED -> exited(channel, output.declaredValues());
                case TIMED_OUT -> DriverResult.timedOut(context.timeLimit());
                case CANCELED -> DriverResult.canceled();
            };
            return output.withTails(result);
        }
    }

    /** Completes when the server closes the channel: the program ended. */
    private static CompletableFuture<Void> closed(ChannelExec channel) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.addCloseFutureListener(future -> closed.complete(null));
        return closed;
    }

    private static DriverResult exited(ChannelExec channel, Map<String, String> outputs) {
        Integer exitCode = channel.getExitStatus();
        if (exitCode == null) {
            String signal = channel.getExitSignal();
            return DriverResult.failed(signal == null ? "the remote command ended without an exit code" : "the remote command was killed by signal " + signal);
        }
        return new DriverResult(exitCode == 0, exitCode, outputs, "exit code " + exitCode, "", "", false);
    }

    /**
     * Asks the server to send the program a TERM signal and gives it the kill grace to end, then
     * closes the channel: a server then ends the program, or at least its output.
     */
    private void stop(ChannelExec channel) {
        try {
            signal(channel, "TERM");
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), settings.killGrace().toMillis());
        } catch (IOException e) {
            // the channel is already gone: nothing to signal or wait for
        }
        channel.close(true);
    }

    /** An RFC 4254 "signal" request; without want-reply, a server that does not support signals ignores it. */
    private static void signal(ChannelExec channel, String name) throws IOException {
        Buffer request = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, name.length() + 32);
        request.putUInt(channel.getRecipient());
        request.putString("signal");
        request.putBoolean(false);
        request.putString(name);
        channel.writePacket(request);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
