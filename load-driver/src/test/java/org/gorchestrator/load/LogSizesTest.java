package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBroker.class)
class LogSizesTest {

    @Test
    void aTopicCountsEachPartitionOnceByItsLargestReplicaAndNoCopyInTransit() {
        TopicPartition a0 = new TopicPartition("a", 0);
        TopicPartition a1 = new TopicPartition("a", 1);
        TopicPartition b0 = new TopicPartition("b", 0);
        Map<String, LogDirDescription> broker1 = Map.of("/d1", new LogDirDescription(null, Map.of(
                a0, new ReplicaInfo(100, 0, false), b0, new ReplicaInfo(5, 0, false))));
        Map<String, LogDirDescription> broker2 = Map.of(
                "/d1", new LogDirDescription(null, Map.of(a0, new ReplicaInfo(90, 10, false), a1, new ReplicaInfo(30, 0, false))),
                "/d2", new LogDirDescription(null, Map.of(a1, new ReplicaInfo(1_000, 0, true))));

        assertThat(LogSizes.byTopic(List.of(broker1, broker2))).isEqualTo(Map.of("a", 130L, "b", 5L));
    }

    @Test
    void readsWhatTheBrokerHoldsOfATopicAndTheRecordsWrittenToIt() throws Exception {
        String topic = "sizes-" + UUID.randomUUID();
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (Admin client = Admin.create(admin); LogSizes sizes = new LogSizes(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            LogSizes.Totals before = sizes.read();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBroker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "x".repeat(10_000))).get();
                producer.send(new ProducerRecord<>(topic, 1, "k", "y")).get();
                producer.send(new ProducerRecord<>(topic, 1, "k", "z")).get();
            }

            // a topic just created may not be on the broker's disk yet: nothing, or an empty log
            assertThat(before.bytes().getOrDefault(topic, 0L)).isZero();
            assertThat(before.records().getOrDefault(topic, 0L)).isZero();
            LogSizes.Totals after = sizes.read();
            assertThat(after.bytes().get(topic)).isGreaterThan(10_000L);
            assertThat(after.records()).as("both partitions' records").containsEntry(topic, 3L);
        }
    }
}
