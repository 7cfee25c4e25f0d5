package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.InputStream;

/** A body of {@code Content-Length} bytes: a single piece. */
final class FixedLengthBody extends PieceStream {
    private long unread;

    FixedLengthBody(InputStream in, long length) {
        super(in);
        this.unread = length;
    }

    @Override
    long nextPiece() {
        long piece = unread;
        unread = 0;
        return piece;
    }

    @Override
    int endedEarly(long missing) throws IOException {
        throw new IOException("the Docker Engine closed the connection " + missing + " bytes short of the body");
    }
}
