package org.gorchestrator.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.gorchestrator.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConductorStreamsPropertiesTest {

    @Test
    void exactlyOnceWithAShortLingerLargeBatchesAndOneRequestInFlight() {
        Map<String, Object> config = ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of()), Topics.DEFAULTS);

        assertThat(config)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20L)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 20L)
                .containsEntry("producer.linger.ms", 5)
                .containsEntry("producer.batch.size", 128 * 1024)
                .containsEntry("producer.max.in.flight.requests.per.connection", 1);
    }

    @Test
    void anIdleThreadPollsNoLongerThanTheCommitInterval() {
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of("gorch.conductor.commit-interval", "20ms")),
                Topics.DEFAULTS)).containsEntry(StreamsConfig.POLL_MS_CONFIG, 20L);
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of("gorch.conductor.commit-interval", "1s")),
                Topics.DEFAULTS)).containsEntry(StreamsConfig.POLL_MS_CONFIG, 100L);
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(StreamsConfig.POLL_MS_CONFIG, "7"), conductor(Map.of()),
                Topics.DEFAULTS)).as("spring.kafka.streams.properties.poll.ms wins").containsEntry(StreamsConfig.POLL_MS_CONFIG, "7");
    }

    @Test
    void springKafkaStreamsPropertiesOverrideTheProducerDefaults() {
        Map<String, Object> config = ConductorAutoConfiguration.streamsProperties(
                Map.of("producer.linger.ms", "5", "producer.batch.size", "16384", "producer.max.in.flight.requests.per.connection", "5",
                        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"),
                conductor(Map.of()), Topics.DEFAULTS);

        assertThat(config)
                .containsEntry("producer.linger.ms", "5")
                .containsEntry("producer.batch.size", "16384")
                .containsEntry("producer.max.in.flight.requests.per.connection", "5")
                .as("exactly once is not negotiable")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    private static ConductorProperties conductor(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gorch.conductor", ConductorProperties.class);
    }
}
