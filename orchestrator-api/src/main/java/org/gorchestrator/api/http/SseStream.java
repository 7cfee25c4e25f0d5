package org.gorchestrator.api.http;

import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A stream of Server-Sent Events on an emitter that may be gone: what every stream the API serves does besides its own
 * events (keep-alive comments, the {@code end} event, completing the response).
 */
abstract class SseStream {
    static final String END_EVENT = "end";

    private final SseEmitter emitter;

    SseStream(SseEmitter emitter) {
        this.emitter = emitter;
    }

    final void emit(SseEmitter.SseEventBuilder event) throws IOException {
        try {
            emitter.send(event);
        } catch (IllegalStateException alreadyCompleted) {
            // Spring completes the emitter itself when the client leaves or the request fails
            throw new IOException("the stream is closed", alreadyCompleted);
        }
    }

    public final void keepAlive() throws IOException {
        emit(SseEmitter.event().comment("keep-alive"));
    }

    /** The event {@code end} with its reason: the stream is complete. */
    public final void end(String reason) throws IOException {
        emit(SseEmitter.event().name(END_EVENT).data(reason));
    }

    public final void close() {
        emitter.complete();
    }
}
