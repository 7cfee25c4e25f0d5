package org.gorchestrator.worker.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads one process stream on its own thread, so that a full pipe never stalls the process, and
 * hands it on line by line. A line longer than {@code maxLineBytes} is handed on in pieces, so that
 * output without newlines cannot exhaust memory.
 */
public final class StreamPump {
    private final Thread thread;

    private StreamPump(Thread thread) {
        this.thread = thread;
    }

    static StreamPump start(InputStream in, int maxLineBytes, Consumer<String> lines, String name) {
        Thread thread = new Thread(() -> pump(in, maxLineBytes, lines), name);
        thread.setDaemon(true);
        thread.start();
        return new StreamPump(thread);
    }

    /**
     * Waits up to {@code limit} for the stream's end. It can stay open longer when the process left
     * a background child holding it; the pump then keeps reading on its own until that child exits.
     */
    public void await(Duration limit) {
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(InputStream in, int maxLineBytes, Consumer<String> lines) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        emit(line, lines);
                    } else {
                        line.write(buffer[i]);
                        if (line.size() >= maxLineBytes) {
                            emit(line, lines);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed under us: the process is gone, nothing more to read
        }
        if (line.size() > 0) {
            emit(line, lines);
        }
    }

    private static void emit(ByteArrayOutputStream line, Consumer<String> lines) {
        String text = line.toString(StandardCharsets.UTF_8);
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        line.reset();
    }
}
