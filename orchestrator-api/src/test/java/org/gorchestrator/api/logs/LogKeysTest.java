package org.gorchestrator.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.message.LogChunk;
import org.junit.jupiter.api.Test;

class LogKeysTest {

    @Test
    void aChunkIsKeyedByItsAttemptStreamAndPaddedSeqSoThatAStreamsChunksSortInOrder() {
        assertThat(LogKeys.of(chunk(42))).isEqualTo("w/3/1/stdout/0000000000000000042");
        assertThat(LogKeys.of(chunk(42))).startsWith(LogKeys.attempt("w", 3, 1));
        assertThat(LogKeys.of(chunk(9)).compareTo(LogKeys.of(chunk(10)))).isNegative();
    }

    private static LogChunk chunk(long seq) {
        return new LogChunk("w", 3, 1, "stdout", seq, List.of("line"), false, Instant.EPOCH);
    }
}
