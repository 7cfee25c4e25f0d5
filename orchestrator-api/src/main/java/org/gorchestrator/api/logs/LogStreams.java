package org.gorchestrator.api.logs;

import org.gorchestrator.message.LogChunk;
import java.util.Locale;

/** Which output streams of an attempt a client reads. */
public enum LogStreams {
    STDOUT,
    STDERR,
    BOTH;

    /** @throws IllegalArgumentException for anything but stdout, stderr or both */
    public static LogStreams parse(String text) {
        for (LogStreams streams : values()) {
            if (streams.name().toLowerCase(Locale.ROOT).equals(text)) {
                return streams;
            }
        }
        throw new IllegalArgumentException("must be stdout, stderr or both, was '" + text + "'");
    }

    boolean includes(LogChunk chunk) {
        return this == BOTH || name().toLowerCase(Locale.ROOT).equals(chunk.stream());
    }
}
