package org.gorchestrator.api.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.gorchestrator.api.events.EventSink;
import org.gorchestrator.api.events.StoredEvent;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A workflow's events as Server-Sent Events: one unnamed event per CloudEvent, its JSON as the one data line (the
 * conductor writes it on one line) and its offset as the {@code id}; then an event {@code end} once the workflow finished
 * (data {@code finished}) or was purged ({@code purged}).
 */
final class SseEventSink extends SseStream implements EventSink {
    SseEventSink(SseEmitter emitter) {
        super(emitter);
    }

    @Override
    public void send(StoredEvent event) throws IOException {
        emit(SseEmitter.event().id(String.valueOf(event.offset())).data(new String(event.json(), StandardCharsets.UTF_8)));
    }
}
