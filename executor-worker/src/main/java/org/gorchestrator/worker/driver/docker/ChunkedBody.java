package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.InputStream;

/** A body sent with {@code Transfer-Encoding: chunked}, de-chunked. */
final class ChunkedBody extends InputStream {
    private final InputStream in;
    private long remaining;
    private boolean ended;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new IOException("the Docker Engine closed the connection mid-chunk");
        }
        remaining -= n;
        if (remaining == 0) {
            EngineResponse.readLine(in); // the CRLF after the chunk's data
        }
        return n;
    }

    /** @return false at the last (empty) chunk */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        String size = EngineResponse.readLine(in);
        int extension = size.indexOf(';');
        try {
            remaining = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size '" + size + "'", e);
        }
        if (remaining < 0) {
            throw new IOException("bad chunk size '" + size + "'");
        }
        if (remaining == 0) {
            ended = true;
            while (!EngineResponse.readLine(in).isEmpty()) {
                // trailers: none expected, none used
            }
            return false;
        }
        return true;
    }
}
