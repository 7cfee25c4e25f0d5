package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.InputStream;

/** A body sent with {@code Transfer-Encoding: chunked}, de-chunked. */
final class ChunkedBody extends PieceStream {
    private boolean ended;

    ChunkedBody(InputStream in) {
        super(in);
    }

    @Override
    long nextPiece() throws IOException {
        if (ended) {
            return 0;
        }
        String line = EngineResponse.readLine(in);
        int extension = line.indexOf(';');
        long size;
        try {
            size = Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size '" + line + "'", e);
        }
        if (size < 0) {
            throw new IOException("bad chunk size '" + line + "'");
        }
        if (size == 0) { // the last chunk
            ended = true;
            while (!EngineResponse.readLine(in).isEmpty()) {
                // trailers: none expected, none used
            }
        }
        return size;
    }

    @Override
    void pieceRead() throws IOException {
        EngineResponse.readLine(in); // the CRLF after the chunk's data
    }

    @Override
    int endedEarly(long missing) throws IOException {
        throw new IOException("the Docker Engine closed the connection mid-chunk");
    }
}
