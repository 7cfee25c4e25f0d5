package org.gorchestrator.worker.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One output stream of one attempt on its way to Kafka: its lines cut into chunks of at most
 * {@code chunkBytes} (a longer line makes a chunk of its own), the stream cut off after
 * {@code maxBytes} with a marker line. Bytes are UTF-8, a newline counted per line.
 */
final class StreamBuffer {
    private final int chunkBytes;
    private final long maxBytes;
    private final List<List<String>> full = new ArrayList<>();
    private List<String> current = new ArrayList<>();
    private int currentBytes;
    private long acceptedBytes;
    private boolean truncated;

    StreamBuffer(int chunkBytes, long maxBytes) {
        this.chunkBytes = chunkBytes;
        this.maxBytes = maxBytes;
    }

    /** @return true when a chunk filled up and waits to be shipped */
    synchronized boolean add(String line) {
        if (truncated) {
            return false;
        }
        int bytes = bytes(line);
        if (acceptedBytes + bytes > maxBytes) {
            truncated = true;
            String marker = "…[output truncated after " + acceptedBytes + " bytes]";
            return append(marker, bytes(marker));
        }
        acceptedBytes += bytes;
        return append(line, bytes);
    }

    /** Takes the chunks cut so far, the one being filled included. */
    synchronized List<List<String>> drain() {
        if (!current.isEmpty()) {
            cut();
        }
        List<List<String>> chunks = List.copyOf(full);
        full.clear();
        return chunks;
    }

    private boolean append(String line, int bytes) {
        boolean filled = !current.isEmpty() && currentBytes + bytes > chunkBytes;
        if (filled) {
            cut();
        }
        current.add(line);
        currentBytes += bytes;
        return filled;
    }

    private void cut() {
        full.add(current);
        current = new ArrayList<>();
        currentBytes = 0;
    }

    private static int bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length + 1;
    }
}
