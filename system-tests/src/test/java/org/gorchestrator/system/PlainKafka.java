package org.gorchestrator.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.test.KafkaBroker;
import tools.jackson.databind.JsonNode;

/** Kafka as a system that knows nothing of Gorchestrator's classes uses it: strings in, JSON out. */
final class PlainKafka implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    /** On the tests' shared broker ({@link KafkaBroker}). */
    PlainKafka() {
        this(KafkaBroker.bootstrapServers());
    }

    PlainKafka(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new StringSerializer());
    }

    void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** A {@code workflow.submit.v1} CloudEvent in structured mode. */
    static String submit(String id, String source, String data) {
        return "{\"specversion\": \"1.0\", \"id\": \"" + id + "\", \"source\": \"" + source
                + "\", \"type\": \"org.gorchestrator.workflow.submit.v1\", \"datacontenttype\": \"application/json\", \"data\": " + data + "}";
    }

    /** Every committed record of the topic as JSON, read from the start until {@code done} holds of them all (at most 30 s). */
    static List<JsonNode> readUntil(String topic, Predicate<List<JsonNode>> done) {
        return readUntil(KafkaBroker.bootstrapServers(), topic, done);
    }

    static List<JsonNode> readUntil(String bootstrapServers, String topic, Predicate<List<JsonNode>> done) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<JsonNode> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(Json.mapper().readTree(record.value()));
                }
            } while (!(done.test(read) && partitions.stream().allMatch(p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p)))
                    && System.nanoTime() < deadline);
        }
        return read;
    }

    @Override
    public void close() {
        producer.close();
    }
}
