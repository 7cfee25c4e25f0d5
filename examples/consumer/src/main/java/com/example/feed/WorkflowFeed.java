package com.example.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.gorchestrator.kafka.ClientRoles;
import org.gorchestrator.kafka.Topic;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.kafka.events.CloudEvent;
import org.gorchestrator.kafka.events.CloudEvents;
import org.gorchestrator.message.WorkflowEvent;
import tools.jackson.databind.JsonNode;

/**
 * Prints one line per workflow event, live, e.g.
 * {@code 2026-05-01T10:00:01.456Z node.failed.v1 <workflow>/nodes/2 failure attempt 1}.
 * {@code kcat.sh} beside it prints the same lines with kcat and jq.
 *
 * <p>Usage: {@code WorkflowFeed [--from-beginning] [bootstrap-servers [topic]]}, by default
 * {@code 127.0.0.1:9092} and {@code gorch.workflow-events}, from the end of the topic. It joins no
 * consumer group and reads committed records only ({@link ClientRoles#committedReader}), as every
 * reader of the conductor's transactional output should.
 */
public final class WorkflowFeed {
    private static final String TYPE_PREFIX = "org.gorchestrator.";

    private WorkflowFeed() {}

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean fromBeginning = rest.remove("--from-beginning");
        String servers = rest.isEmpty() ? "127.0.0.1:9092" : rest.get(0);
        Topic<String, WorkflowEvent> events = TypedTopics.of(Topics.DEFAULTS).workflowEvents();
        String topic = rest.size() < 2 ? events.name() : rest.get(1);
        Map<String, Object> config = ClientRoles.committedReader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        try (KafkaConsumer<String, WorkflowEvent> consumer = new KafkaConsumer<>(config, events.keyDeserializer(), events.valueDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                System.err.println("no topic " + topic + " on " + servers + " (yet): start Gorchestrator first");
                System.exit(1);
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            while (true) {
                for (ConsumerRecord<String, WorkflowEvent> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() != null) { // null: another kind of event on the topic, e.g. a submission's outcome
                        System.out.println(line(record.value()));
                    }
                }
            }
        }
    }

    /** Time, type without its prefix, subject, and what the data says: the graph's name and size, or a state (and attempt). */
    static String line(WorkflowEvent workflowEvent) {
        CloudEvent event = CloudEvents.wrap(workflowEvent);
        return event.time() + " " + event.type().replace(TYPE_PREFIX, "") + " " + event.subject() + " " + detail(event.data());
    }

    private static String detail(JsonNode data) {
        if (data.has("nodes")) {
            return data.path("name").asString("") + " (" + data.get("nodes").size() + " nodes)";
        }
        String state = data.path("state_name").asString("");
        return data.has("attempt") ? state + " attempt " + data.get("attempt").asInt() : state;
    }
}
