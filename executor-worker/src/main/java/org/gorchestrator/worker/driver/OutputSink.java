package org.gorchestrator.worker.driver;

/**
 * Where a driver sends its output, line by line, while the attempt runs. For now the one sink,
 * {@link TailSink}, keeps a bounded tail of each stream; a later one can also ship lines live.
 */
public interface OutputSink {

    void line(OutputChannel channel, String line);

    /** What the sink kept of a channel: its last lines within the output limit. */
    String tail(OutputChannel channel);
}
