package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.InputStream;

/** A body of {@code Content-Length} bytes. */
final class FixedLengthBody extends InputStream {
    private final InputStream in;
    private long remaining;

    FixedLengthBody(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
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
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new IOException("the Docker Engine closed the connection " + remaining + " bytes short of the body");
        }
        remaining -= n;
        return n;
    }
}
