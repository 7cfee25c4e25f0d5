package org.gorchestrator.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.gorchestrator.conductor.topology.ConductorMetrics;
import org.gorchestrator.conductor.topology.ConductorSettings;
import org.gorchestrator.conductor.topology.UnwritableRecords;
import org.gorchestrator.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConductorStreamsPropertiesTest {
    private static final UnwritableRecords UNWRITABLE = new UnwritableRecords(ConductorMetrics.NONE);

    @Test
    void exactlyOnceWithAShortLingerLargeBatchesAndOneRequestInFlight() {
        Map<String, Object> config = ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of()), Topics.DEFAULTS, UNWRITABLE);

        assertThat(config)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20L)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 4L)
                .containsEntry("producer.linger.ms", 5)
                .containsEntry("producer.batch.size", 128 * 1024)
                .containsEntry("producer.max.in.flight.requests.per.connection", 1);
    }

    @Test
    void anIdleThreadPollsForAFifthOfTheCommitInterval() {
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of("gorch.conductor.commit-interval", "20ms")),
                Topics.DEFAULTS, UNWRITABLE)).containsEntry(StreamsConfig.POLL_MS_CONFIG, 4L);
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of("gorch.conductor.commit-interval", "5ms")),
                Topics.DEFAULTS, UNWRITABLE)).as("the standalone's interval").containsEntry(StreamsConfig.POLL_MS_CONFIG, 1L);
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of("gorch.conductor.commit-interval", "2ms")),
                Topics.DEFAULTS, UNWRITABLE)).as("never a busy loop").containsEntry(StreamsConfig.POLL_MS_CONFIG, 1L);
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of("gorch.conductor.commit-interval", "1s")),
                Topics.DEFAULTS, UNWRITABLE)).containsEntry(StreamsConfig.POLL_MS_CONFIG, 100L);
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(StreamsConfig.POLL_MS_CONFIG, "7"), conductor(Map.of()),
                Topics.DEFAULTS, UNWRITABLE)).as("spring.kafka.streams.properties.poll.ms wins").containsEntry(StreamsConfig.POLL_MS_CONFIG, "7");
    }

    @Test
    void springKafkaStreamsPropertiesOverrideTheProducerDefaults() {
        Map<String, Object> config = ConductorAutoConfiguration.streamsProperties(
                Map.of("producer.linger.ms", "5", "producer.batch.size", "16384", "producer.max.in.flight.requests.per.connection", "5",
                        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"),
                conductor(Map.of()), Topics.DEFAULTS, UNWRITABLE);

        assertThat(config)
                .containsEntry("producer.linger.ms", "5")
                .containsEntry("producer.batch.size", "16384")
                .containsEntry("producer.max.in.flight.requests.per.connection", "5")
                .as("exactly once is not negotiable")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void anInstanceIdMakesTheMainConsumerAStaticMember() {
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of("gorch.conductor.instance-id", "conductor-0")),
                Topics.DEFAULTS, UNWRITABLE)).containsEntry("main.consumer.group.instance.id", "conductor-0");
        assertThat(ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of()), Topics.DEFAULTS, UNWRITABLE))
                .doesNotContainKey("main.consumer.group.instance.id");
    }

    @Test
    void recordsThatCannotBeWrittenGoToTheConductorsHandlerAndChangelogsTakeWhatTheProducerSends() {
        Map<String, Object> config = ConductorAutoConfiguration.streamsProperties(Map.of(), conductor(Map.of()), Topics.DEFAULTS, UNWRITABLE);

        assertThat(config)
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, UnwritableRecordHandler.class)
                .containsEntry(UnwritableRecords.CONFIG, UNWRITABLE)
                .containsEntry("producer.max.request.size", Topics.DEFAULTS.maxMessageBytes())
                .containsEntry("topic.max.message.bytes", Topics.DEFAULTS.maxMessageBytes());
    }

    @Test
    void outputsThatCannotFitInTheStateRecordAreRefusedAtStartUp() {
        ConductorProperties properties = conductor(Map.of("gorch.conductor.max-workflow-outputs-size", "8MB"));

        assertThatThrownBy(() -> properties.toSettings(Topics.DEFAULTS.maxMessageBytes(), ConductorSettings.DEFAULT_MAX_COMMAND_BYTES))
                .hasMessageContaining("max-workflow-outputs-size").hasMessageContaining("must fit in its state record");
        assertThat(conductor(Map.of()).toSettings(Topics.DEFAULTS.maxMessageBytes(), ConductorSettings.DEFAULT_MAX_COMMAND_BYTES).engine().maxOutputsBytes()).isEqualTo(2 * 1024 * 1024);
    }

    private static ConductorProperties conductor(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gorch.conductor", ConductorProperties.class);
    }
}
