package org.gorchestrator.worker.logs;

import org.gorchestrator.message.LogChunk;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.OutputChannel;
import org.gorchestrator.worker.driver.OutputSink;
import org.gorchestrator.worker.driver.TailSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output of one running attempt: keeps the tail of each stream for the attempt's result and
 * buffers every line for the {@link LogShipper}, which sends it from its own thread, so that the
 * threads reading the process never wait for Kafka. Lines never go to the worker's own log: they
 * can hold secrets.
 */
public final class AttemptOutput implements OutputSink {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptOutput.class);

    private final NodeCommand command;
    private final LogShipper shipper;
    private final TailSink tails;
    private final Map<OutputChannel, StreamBuffer> streams = new EnumMap<>(OutputChannel.class);
    private final AtomicBoolean warned = new AtomicBoolean();
    private long seq; // guarded by this
    private boolean ended; // guarded by this

    AttemptOutput(NodeCommand command, LogShipper shipper, int chunkBytes, int maxOutputBytes) {
        this.command = command;
        this.shipper = shipper;
        this.tails = new TailSink(maxOutputBytes);
        for (OutputChannel channel : OutputChannel.values()) {
            streams.put(channel, new StreamBuffer(chunkBytes, maxOutputBytes));
        }
    }

    @Override
    public void line(OutputChannel channel, String line) {
        tails.line(channel, line);
        if (streams.get(channel).add(line)) {
            shipper.flushSoon(this);
        }
    }

    @Override
    public String tail(OutputChannel channel) {
        return tails.tail(channel);
    }

    /** The attempt ended: ships the rest of its output, then its last chunk. */
    public void end() {
        shipper.closed(this);
        ship(true);
    }

    /** The attempt is given up, to run again on another worker: ships nothing more, and no last chunk. */
    public synchronized void abandon() {
        shipper.closed(this);
        ended = true;
    }

    /** Ships the chunks cut so far. */
    void flush() {
        ship(false);
    }

    /** A chunk did not reach Kafka. */
    void dropped(Exception cause) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("dropping output of node {} attempt {} of workflow {}: {}", command.nodeId(), command.attempt(),
                    command.workflowId(), cause.toString());
        }
    }

    // Sends under the lock, so that chunks reach the producer in the order of their seq.
    private synchronized void ship(boolean last) {
        if (ended) {
            return;
        }
        ended = last;
        for (OutputChannel channel : OutputChannel.values()) {
            for (List<String> lines : streams.get(channel).drain()) {
                shipper.send(chunk(channel, lines, false), this);
            }
        }
        if (last) {
            shipper.send(chunk(OutputChannel.STDOUT, List.of(), true), this);
        }
    }

    private LogChunk chunk(OutputChannel channel, List<String> lines, boolean last) {
        String stream = channel == OutputChannel.STDOUT ? LogChunk.STDOUT : LogChunk.STDERR;
        return new LogChunk(command.workflowId(), command.nodeId(), command.attempt(), stream, seq++, lines, last, Instant.now());
    }
}
