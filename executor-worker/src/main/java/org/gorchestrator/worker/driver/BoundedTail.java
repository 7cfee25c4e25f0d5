package org.gorchestrator.worker.driver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Collectors;

/**
 * The last lines of one stream, at most {@code limit} bytes of them (UTF-8, a newline counted per
 * line). When earlier bytes were dropped, the text starts with a marker saying how many.
 */
final class BoundedTail {
    private final int limit;
    private final Deque<Line> lines = new ArrayDeque<>();
    private long keptBytes;
    private long droppedBytes;

    BoundedTail(int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("the output limit must be at least 2 bytes, was " + limit);
        }
        this.limit = limit;
    }

    synchronized void add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int room = limit - 1;
        if (bytes.length > room) {
            droppedBytes += bytes.length - room;
            bytes = Arrays.copyOfRange(bytes, bytes.length - room, bytes.length);
        }
        lines.addLast(new Line(new String(bytes, StandardCharsets.UTF_8), bytes.length + 1));
        keptBytes += bytes.length + 1;
        while (keptBytes > limit) {
            Line first = lines.removeFirst();
            keptBytes -= first.bytes();
            droppedBytes += first.bytes();
        }
    }

    synchronized String text() {
        String kept = lines.stream().map(Line::text).collect(Collectors.joining("\n"));
        return droppedBytes == 0 ? kept : "…[truncated " + droppedBytes + " bytes]\n" + kept;
    }

    private record Line(String text, int bytes) {}
}
