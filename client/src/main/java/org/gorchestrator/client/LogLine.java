package org.gorchestrator.client;

import java.util.Objects;

/** One line a node printed, on {@code stream} ({@code stdout} or {@code stderr}). */
public record LogLine(String stream, String text) {
    public LogLine {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }
}
