package org.gorchestrator.worker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamBufferTest {

    @Test
    void cutsChunksOfAtMostTheChunkSizeAndSaysWhenOneFilled() {
        StreamBuffer buffer = new StreamBuffer(10, 1000);

        assertThat(buffer.add("aaaa")).isFalse(); // 5 bytes with its newline
        assertThat(buffer.add("bbbb")).isFalse(); // 10
        assertThat(buffer.add("c")).isTrue();     // would make 12: starts a new chunk
        assertThat(buffer.add("é")).isFalse();    // 2 bytes in UTF-8, plus the newline: 5 in this chunk

        assertThat(buffer.drain()).containsExactly(List.of("aaaa", "bbbb"), List.of("c", "é"));
        assertThat(buffer.drain()).isEmpty();
    }

    @Test
    void aLineLongerThanAChunkIsAChunkOfItsOwn() {
        StreamBuffer buffer = new StreamBuffer(4, 1000);
        buffer.add("a");
        buffer.add("0123456789");
        buffer.add("b");

        assertThat(buffer.drain()).containsExactly(List.of("a"), List.of("0123456789"), List.of("b"));
    }

    @Test
    void endsTheStreamWithAMarkerOnceItPassesTheLimit() {
        StreamBuffer buffer = new StreamBuffer(100, 12);
        buffer.add("aaaa"); // 5
        buffer.add("bbbb"); // 10
        buffer.add("cccc"); // 15: over the limit
        buffer.add("d");    // would fit, but the stream was cut off

        assertThat(buffer.drain()).containsExactly(List.of("aaaa", "bbbb", "…[output truncated after 10 bytes]"));
        buffer.add("e");
        assertThat(buffer.drain()).isEmpty();
    }
}
