package org.gorchestrator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.message.NodeKill;
import org.junit.jupiter.api.Test;

class TypedTopicsTest {
    private final Topics topics = new Topics("c", "n", "e", "we", "s", "k", "l", 3, 4, (short) 1, Topics.DEFAULTS.eventRetention(),
            Topics.DEFAULTS.maxMessageBytes(), Topics.DEFAULTS.logRetention(), List.of("gpu"));
    private final TypedTopics typed = TypedTopics.of(topics);

    @Test
    void eachTopicHasItsConfiguredName() {
        assertThat(List.of(typed.workflowCommands().name(), typed.nodeCommands(Topics.DEFAULT_POOL).name(), typed.nodeCommands("gpu").name(),
                typed.nodeEvents().name(), typed.workflowEvents().name(), typed.workflowState().name(), typed.nodeControl().name(),
                typed.nodeLogs().name()))
                .containsExactly("c", "n", "n.gpu", "e", "we", "s", "k", "l");
    }

    @Test
    void aTopicReadsBackWhatItWrites() {
        Topic<String, NodeKill> kills = typed.nodeControl();
        NodeKill kill = new NodeKill("w", 2, 1, "canceled", Instant.parse("2026-05-01T10:00:00Z"));

        assertThat(kills.valueDeserializer().deserialize(kills.name(), kills.valueSerializer().serialize(kills.name(), kill))).isEqualTo(kill);
        assertThat(kills.keyDeserializer().deserialize(kills.name(), kills.keySerializer().serialize(kills.name(), "w"))).isEqualTo("w");
        assertThat(typed.nodeLogs().valueSerde()).isInstanceOf(JsonSerde.class);
    }

    @Test
    void aTopicWithRawValuesIsTheSameTopicReadAsTheBytesThatCame() {
        Topic<String, byte[]> raw = typed.workflowEvents().withRawValues();
        byte[] bytes = "{\"specversion\":\"1.0\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(raw.name()).isEqualTo("we");
        assertThat(raw.keySerde()).isSameAs(typed.workflowEvents().keySerde());
        assertThat(raw.valueDeserializer().deserialize(raw.name(), bytes)).isEqualTo(bytes);
    }
}
