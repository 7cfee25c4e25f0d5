package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream read from another in pieces whose size is known before their bytes come: a whole
 * fixed-length body, a chunk, a log frame. Subclasses say where the next piece starts and how big it is.
 */
abstract class PieceStream extends InputStream {
    final InputStream in;
    private long remaining;

    PieceStream(InputStream in) {
        this.in = in;
    }

    /** Reads up to the start of the next piece's bytes. @return the piece's size, or 0 at the end of the stream */
    abstract long nextPiece() throws IOException;

    /** {@code in} ended {@code missing} bytes into a piece. @return -1 to end this stream too, or throws */
    abstract int endedEarly(long missing) throws IOException;

    /** Called after the last byte of each piece. */
    void pieceRead() throws IOException {}

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
            remaining = nextPiece();
            if (remaining == 0) {
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            return endedEarly(remaining);
        }
        remaining -= n;
        if (remaining == 0) {
            pieceRead();
        }
        return n;
    }
}
