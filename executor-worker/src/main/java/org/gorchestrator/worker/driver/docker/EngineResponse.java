package org.gorchestrator.worker.driver.docker;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.gorchestrator.json.Json;
import org.gorchestrator.worker.driver.Texts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The status and body of one Engine API response; closing it closes its connection. */
final class EngineResponse implements Closeable {
    private static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_JSON_BYTES = 4 * 1024 * 1024;
    private static final int SHOWN_CHARS = 300;

    private final SocketChannel channel;
    private final int status;
    private final InputStream body;

    private EngineResponse(SocketChannel channel, int status, InputStream body) {
        this.channel = channel;
        this.status = status;
        this.body = body;
    }

    static EngineResponse read(SocketChannel channel) throws IOException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
        int status = status(readLine(in));
        Map<String, String> headers = headers(in);
        return new EngineResponse(channel, status, body(in, status, headers));
    }

    int status() {
        return status;
    }

    /** The body as sent, de-chunked. */
    InputStream body() {
        return body;
    }

    JsonNode json() throws IOException {
        byte[] bytes = body.readNBytes(MAX_JSON_BYTES);
        try {
            return Json.mapper().readTree(bytes);
        } catch (JacksonException e) {
            throw new IOException("the Docker Engine answered " + status + " with a body that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The engine's error message: the {@code message} of its JSON body, else the body's text. */
    String errorMessage() throws IOException {
        String text = new String(body.readNBytes(MAX_LINE_BYTES), StandardCharsets.UTF_8).strip();
        try {
            JsonNode message = Json.mapper().readTree(text).path("message");
            if (message.isString()) {
                return Texts.clip(message.asString(), SHOWN_CHARS);
            }
        } catch (JacksonException e) {
            // plain text
        }
        return Texts.clip(text, SHOWN_CHARS);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads one line ending in CRLF (or LF), without the ending. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the Docker Engine closed the connection mid-response");
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("the Docker Engine sent a line over " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int status(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + Texts.clip(statusLine, SHOWN_CHARS));
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + Texts.clip(statusLine, SHOWN_CHARS), e);
        }
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (headers.size() >= MAX_HEADERS) {
                throw new IOException("the Docker Engine sent over " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static InputStream body(InputStream in, int status, Map<String, String> headers) throws IOException {
        if (status == 204 || status == 304 || status < 200) {
            return InputStream.nullInputStream();
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new ChunkedBody(in);
        }
        String length = headers.get("content-length");
        if (length != null) {
            try {
                return new FixedLengthBody(in, Long.parseLong(length));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + Texts.clip(length, SHOWN_CHARS), e);
            }
        }
        return in; // delimited by the end of the connection
    }
}
