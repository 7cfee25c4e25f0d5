package org.gorchestrator.api.http;

import java.io.IOException;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.api.logs.LogSink;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A followed log as Server-Sent Events: one event per chunk, named after its stream (stdout or
 * stderr), with the chunk's seq as its {@code id} (a client that comes back sends it as Last-Event-ID), one data line
 * per output line ({@code data: LINE}); then an event {@code end} once the log is complete.
 */
final class SseLogSink extends SseStream implements LogSink {
    SseLogSink(SseEmitter emitter) {
        super(emitter);
    }

    @Override
    public void send(LogChunk chunk) throws IOException {
        if (chunk.lines().isEmpty()) {
            return;
        }
        SseEmitter.SseEventBuilder event = SseEmitter.event().id(String.valueOf(chunk.seq())).name(chunk.stream());
        // A carriage return would end the data line early in the client's parser. Spring writes "data:" with no space after
        // it, and a client drops one space there (as the standard says): the space written here is that one, so a line that
        // starts with spaces keeps them.
        chunk.lines().forEach(line -> event.data(" " + line.replace("\r", "")));
        emit(event);
    }
}
