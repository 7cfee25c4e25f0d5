package org.gorchestrator.worker.driver;

import java.util.EnumMap;
import java.util.Map;

/** Keeps the last {@code maxBytes} of each output stream. Thread-safe: each stream is written by its own reader. */
public final class TailSink implements OutputSink {
    private final Map<OutputChannel, BoundedTail> tails = new EnumMap<>(OutputChannel.class);

    public TailSink(int maxBytes) {
        for (OutputChannel channel : OutputChannel.values()) {
            tails.put(channel, new BoundedTail(maxBytes));
        }
    }

    @Override
    public void line(OutputChannel channel, String line) {
        tails.get(channel).add(line);
    }

    @Override
    public String tail(OutputChannel channel) {
        return tails.get(channel).text();
    }
}
