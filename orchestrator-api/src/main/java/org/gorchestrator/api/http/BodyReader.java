package org.gorchestrator.api.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;

/**
 * Reads a request body of at most {@code maxBytes}. A chunked body announces no length, so the
 * limit is enforced on what is read, never holding more than one byte over it.
 */
public final class BodyReader {
    private final long maxBytes;

    public BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @throws BodyTooLargeException when the body is over the limit */
    public byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
        } catch (IOException e) {
            throw new UnreadableDocumentException(new Violation("body", "could not be read: " + e.getMessage()));
        }
        if (body.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return body;
    }
}
