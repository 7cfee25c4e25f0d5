package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.InputStream;

/**
 * One stream of a container's logs, out of the engine's multiplexed format: frames of an 8-byte
 * header (stream type 1 = stdout, 2 = stderr; three zero bytes; payload size, big-endian) and the
 * payload. Frames of other streams are skipped.
 */
final class LogStream extends PieceStream {
    static final int STDOUT = 1;
    static final int STDERR = 2;
    private static final int HEADER_BYTES = 8;

    private final int wanted;

    LogStream(InputStream frames, int wanted) {
        super(frames);
        this.wanted = wanted;
    }

    @Override
    long nextPiece() throws IOException {
        while (true) {
            byte[] header = in.readNBytes(HEADER_BYTES);
            if (header.length < HEADER_BYTES) {
                return 0;
            }
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            if (header[0] != wanted) {
                in.skipNBytes(size);
            } else if (size > 0) {
                return size;
            }
        }
    }

    @Override
    int endedEarly(long missing) {
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
