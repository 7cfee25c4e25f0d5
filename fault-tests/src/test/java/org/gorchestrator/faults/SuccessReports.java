package org.gorchestrator.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gorchestrator.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * How often each node's success was reported to the outside world: the {@code node.succeeded} CloudEvents on
 * {@code gorch.workflow-events}, read as any subscriber reads them ({@code read_committed}).
 */
final class SuccessReports {
    static final String TOPIC = "gorch.workflow-events";
    private static final String SUCCEEDED = "org.gorchestrator.node.succeeded.v1";

    private SuccessReports() {}

    /** {@code workflow/node} → number of success events, for the nodes of {@code workflows}. */
    static Map<String, Integer> count(String bootstrapServers, Set<String> workflows) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("could not read " + TOPIC + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (workflows.contains(record.key())) {
                        JsonNode event = Json.mapper().readTree(record.value());
                        if (SUCCEEDED.equals(event.path("type").asString())) {
                            counts.merge(event.path("subject").asString(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }
}
