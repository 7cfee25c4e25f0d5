package org.gorchestrator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What every service stores: its producers (and Streams applications) compress, and the topics it creates keep the
 * hand-offs between services for hours, the public workflow events for days.
 */
@ExtendWith(KafkaBroker.class)
class TopicStorageTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, GorchKafkaAutoConfiguration.class));

    @Test
    void everyProducerAndStreamsApplicationCompressesWithZstdUnlessToldOtherwise() {
        runner.withPropertyValues("spring.kafka.admin.auto-create=false").run(context -> {
            KafkaProperties kafka = context.getBean(KafkaProperties.class);
            assertThat(kafka.buildProducerProperties()).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
            assertThat(kafka.buildStreamsProperties()).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        });
        runner.withPropertyValues("spring.kafka.admin.auto-create=false", "gorch.kafka.compression=lz4").run(context -> {
            KafkaProperties kafka = context.getBean(KafkaProperties.class);
            assertThat(kafka.buildProducerProperties()).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            assertThat(kafka.buildStreamsProperties()).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        });
    }

    @Test
    void theCreatedHandOffTopicsKeepTheirRecordsForTheHandOffRetentionAndTheWorkflowEventsForTheEventRetention() throws Exception {
        String run = UUID.randomUUID().toString();
        runner.withPropertyValues("spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                "gorch.kafka.workflow-commands-topic=commands-" + run, "gorch.kafka.node-commands-topic=node-commands-" + run,
                "gorch.kafka.node-events-topic=node-events-" + run, "gorch.kafka.workflow-events-topic=events-" + run,
                "gorch.kafka.workflow-state-topic=state-" + run, "gorch.kafka.node-control-topic=control-" + run,
                "gorch.kafka.node-logs-topic=logs-" + run, "gorch.kafka.templates-topic=templates-" + run,
                "gorch.kafka.schedules-topic=schedules-" + run, "gorch.kafka.schedule-runs-topic=schedule-runs-" + run,
                "gorch.kafka.partitions=1", "gorch.kafka.node-command-partitions=1", "gorch.kafka.hand-off-retention=2h")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    long twoHours = Duration.ofHours(2).toMillis();
                    for (String handOff : List.of("commands-", "node-commands-", "node-events-", "control-")) {
                        Config config = configOf(handOff + run);
                        assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(handOff).isEqualTo(String.valueOf(twoHours));
                        assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).as(handOff).isEqualTo(String.valueOf(twoHours / 4));
                    }
                    assertThat(configOf("events-" + run).get(TopicConfig.RETENTION_MS_CONFIG).value())
                            .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
                    assertThat(configOf("state-" + run).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                });
    }

    private static Config configOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource);
        }
    }
}
