package org.gorchestrator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
    private static final String TOPIC = "standalone.test";

    @TempDir
    Path dataDir;

    @Test
    void keepsTopicsRecordsAndClusterIdAcrossRestarts() throws Exception {
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, Map.of())) {
            clusterId = clusterId(kafka);
            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            produce(kafka, "key", "survives a restart");
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, Map.of())) {
            assertThat(clusterId(kafka)).isEqualTo(clusterId).isEqualTo(kafka.clusterId());
            assertThat(consumeAll(kafka)).extracting(ConsumerRecord::value).containsExactly("survives a restart");
        }
    }

    @Test
    void failsOnABusyPortAndLeavesNothingRunning() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, busy.getLocalPort(), Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasStackTraceContaining("Address already in use");
        }
        // A server left half-running would still hold the lock on the data directory.
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, Map.of())) {
            assertThat(clusterId(kafka)).isEqualTo(kafka.clusterId());
        }
    }

    @Test
    void aSecondBrokerOnTheSameStorageIsRefusedBeforeItTouchesItAndTheFirstRunsOn() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, Map.of())) {
            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 0, Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another embedded broker runs on " + dataDir.toAbsolutePath().normalize())
                    .hasMessageContaining("--gorch.standalone.data-dir");
            produce(kafka, "key", "written after the refusal");
            assertThat(consumeAll(kafka)).extracting(ConsumerRecord::value).containsExactly("written after the refusal");
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, Map.of())) {
            assertThat(consumeAll(kafka)).as("the storage is free again once the first stopped").hasSize(1);
        }
    }

    @Test
    void takesBrokerSettingsOverItsDefaults() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, Map.of("add.partitions.to.txn.retry.backoff.ms", "3"));
             Admin admin = admin(kafka)) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
            assertThat(config.get("add.partitions.to.txn.retry.backoff.ms").value()).isEqualTo("3");
            assertThat(config.get("transaction.state.log.replication.factor").value()).isEqualTo("1");
        }
    }

    @Test
    void refusesASettingItMustOwn() {
        assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 0, Map.of("log.dirs", dataDir.resolve("elsewhere").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log.dirs");
    }

    private static String clusterId(EmbeddedKafka kafka) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(kafka)) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void produce(EmbeddedKafka kafka, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafka kafka) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
