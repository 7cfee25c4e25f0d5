package org.gorchestrator.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.json.Json;
import org.junit.jupiter.api.Test;

class LogChunkTest {
    private final LogChunk chunk = new LogChunk("wf", 3, 2, LogChunk.STDERR, 7, List.of("a", "b"), false,
            Instant.parse("2025-01-02T03:04:05.678Z"));

    @Test
    void isTheJsonTheApiReads() {
        String expected = """
                {"workflowId":"wf","nodeId":3,"attempt":2,"stream":"stderr","seq":7,"lines":["a","b"],"last":false,
                 "at":"2025-01-02T03:04:05.678Z"}""";

        assertThat(Json.mapper().readTree(Json.writeString(chunk))).isEqualTo(Json.mapper().readTree(expected));
        assertThat(Json.read(Json.write(chunk), LogChunk.class)).isEqualTo(chunk);
        assertThat(chunk.key()).isEqualTo("wf/3");
    }

    @Test
    void knowsOnlyTheTwoStreams() {
        assertThatThrownBy(() -> new LogChunk("wf", 3, 2, "stdin", 0, List.of(), true, Instant.now()))
                .hasMessage("stream must be stdout or stderr, was stdin");
    }
}
