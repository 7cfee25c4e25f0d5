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
        long announced = request.getContentLengthLong();
        if (announced > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        try {
            return announced >= 0 ? readAnnounced(request, (int) announced) : readChunked(request);
        } catch (IOException e) {
            throw new UnreadableDocumentException(new Violation("body", "could not be read: " + e.getMessage()));
        }
    }

    /** Into one array of the announced length: a large body is held once, not gathered in pieces and copied. */
    private byte[] readAnnounced(HttpServletRequest request, int length) throws IOException {
        byte[] body = new byte[length];
        int read = request.getInputStream().readNBytes(body, 0, length);
        if (read < length) {
            throw new IOException("the body ended after " + read + " of its " + length + " bytes");
        }
        return body;
    }

    private byte[] readChunked(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
        if (body.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return body;
    }
}
