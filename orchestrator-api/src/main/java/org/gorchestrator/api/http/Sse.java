package org.gorchestrator.api.http;

import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Sends on an emitter that may be gone. */
final class Sse {
    private Sse() {}

    static void emit(SseEmitter emitter, SseEmitter.SseEventBuilder event) throws IOException {
        try {
            emitter.send(event);
        } catch (IllegalStateException alreadyCompleted) {
            // Spring completes the emitter itself when the client leaves or the request fails
            throw new IOException("the stream is closed", alreadyCompleted);
        }
    }
}
