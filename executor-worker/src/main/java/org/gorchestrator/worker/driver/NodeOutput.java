package org.gorchestrator.worker.driver;

import java.io.InputStream;
import java.util.Map;
import org.gorchestrator.message.NodeCommand;

/**
 * A node's output as a driver reads it: every line goes to the attempt's sink, and each line of the
 * standard output also to the node's {@link DeclaredOutputs}.
 */
public final class NodeOutput {
    private final DeclaredOutputs declared;
    private final OutputSink sink;
    private final int maxLineBytes;

    public NodeOutput(NodeCommand command, RunContext context) {
        this.declared = new DeclaredOutputs(command.outputs());
        this.sink = context.sink();
        this.maxLineBytes = context.maxOutputBytes();
    }

    /** Starts reading one of the node's streams on a thread of its own. */
    public StreamPump pump(OutputChannel channel, InputStream in, String threadName) {
        return StreamPump.start(in, maxLineBytes, line -> line(channel, line), threadName);
    }

    /** The values of the declared outputs read so far. */
    public Map<String, String> declaredValues() {
        return declared.values();
    }

    /** {@code result} with what the sink kept of each stream. */
    public DriverResult withTails(DriverResult result) {
        return result.withTails(sink.tail(OutputChannel.STDOUT), sink.tail(OutputChannel.STDERR));
    }

    private void line(OutputChannel channel, String line) {
        sink.line(channel, line);
        if (channel == OutputChannel.STDOUT) {
            declared.accept(line);
        }
    }
}
