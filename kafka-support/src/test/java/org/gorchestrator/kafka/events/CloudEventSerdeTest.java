package org.gorchestrator.kafka.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(KafkaBroker.class)
class CloudEventSerdeTest {
    private final String topic = "events-" + UUID.randomUUID();
    private final CloudEventSerde serde = new CloudEventSerde();

    @Test
    void eventsGoThroughKafkaAsStructuredCloudEventsAndComeBackAsTheSameWorkflowEvents() throws Exception {
        List<WorkflowEvent> events = EveryEventType.run().events;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, WorkflowEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()), new StringSerializer(), serde)) {
            for (WorkflowEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.workflowId(), event)).get();
            }
            producer.send(new ProducerRecord<>(topic, EveryEventType.ID, null)).get();
        }

        List<ConsumerRecord<String, byte[]>> raw = readAll(new ByteArrayDeserializer(), events.size() + 1);
        assertThat(raw.subList(0, events.size())).allSatisfy(record -> {
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            JsonNode json = Json.mapper().readTree(record.value());
            assertThat(json.get("specversion").asString()).isEqualTo("1.0");
            assertThat(json.get("type").asString()).startsWith("org.gorchestrator.");
        });
        assertThat(raw.get(events.size()).headers().lastHeader("content-type")).isNull();

        List<WorkflowEvent> read = readAll(serde, events.size() + 1).stream().map(ConsumerRecord::value).toList();
        assertThat(read.subList(0, events.size())).isEqualTo(events);
        assertThat(read.get(events.size())).isNull();
    }

    @Test
    void aValueThatIsNotAWorkflowCloudEventIsASerializationError() {
        byte[] oldFormat = Json.write(EveryEventType.run().events.get(0));
        assertThatThrownBy(() -> serde.deserialize(topic, oldFormat)).isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic);
    }

    @Test
    void aCloudEventOfAnotherTypeReadsAsNothingSoReadersSkipIt() {
        byte[] outcome = Json.write(java.util.Map.of("specversion", "1.0", "id", "r-1/submission.accepted", "source", "/gorchestrator/api",
                "type", "org.gorchestrator.submission.accepted.v1", "data", java.util.Map.of("workflow_id", "w")));
        assertThat(serde.deserialize(topic, outcome)).isNull();
    }

    private <V> List<ConsumerRecord<String, V>> readAll(Deserializer<V> values, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
