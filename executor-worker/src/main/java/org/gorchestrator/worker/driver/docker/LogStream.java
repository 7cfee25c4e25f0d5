package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.InputStream;

/**
 * One stream of a container's logs, out of the engine's multiplexed format: frames of an 8-byte
 * header (stream type 1 = stdout, 2 = stderr; three zero bytes; payload size, big-endian) and the
 * payload. Frames of other streams are skipped.
 */
final class LogStream extends InputStream {
    static final int STDOUT = 1;
    static final int STDERR = 2;
    private static final int HEADER_BYTES = 8;

    private final InputStream frames;
    private final int wanted;
    private long remaining;

    LogStream(InputStream frames, int wanted) {
        this.frames = frames;
        this.wanted = wanted;
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
        while (remaining == 0) {
            byte[] header = frames.readNBytes(HEADER_BYTES);
            if (header.length < HEADER_BYTES) {
                return -1;
            }
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            if (header[0] == wanted) {
                remaining = size;
            } else {
                frames.skipNBytes(size);
            }
        }
        int n = frames.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            return -1;
        }
        remaining -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        frames.close();
    }
}
