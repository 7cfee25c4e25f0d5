package org.gorchestrator.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.test.KafkaBroker;

/** Plays the conductor's and the workers' side of the topics: reads the commands the API sent, publishes states and logs. */
final class KafkaTopicsClient {
    private final Topics topics;

    KafkaTopicsClient(Topics topics) {
        this.topics = topics;
    }

    /**
     * Every command published so far for this workflow, in order. Reads each partition up to its
     * current end, so a command acknowledged before the call is always seen.
     */
    List<WorkflowCommand> commandsFor(String workflowId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaConsumer<String, WorkflowCommand> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), JsonSerde.of(WorkflowCommand.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.workflowCommands()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<WorkflowCommand> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, WorkflowCommand> record : consumer.poll(Duration.ofMillis(200))) {
                    if (workflowId.equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
            return found;
        }
    }

    /** Whether the latest record of {@code key} on {@code topic} is a tombstone (a null value, not the JSON {@code null}). */
    boolean tombstoned(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            byte[][] latest = {new byte[0]};
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        latest[0] = record.value();
                    }
                }
            }
            return latest[0] == null;
        }
    }

    /** Publishes one record as JSON, as another writer of the topic (an earlier build, an operator's tool) could. */
    void publish(String topic, String key, Object value) {
        send(List.of(new ProducerRecord<>(topic, key, value)));
    }

    /** Publishes a workflow's latest state as the conductor does; null is the tombstone of a purged workflow. */
    void publishState(String workflowId, Graph graph) {
        publish(topics.workflowState(), workflowId, graph);
    }

    /** Publishes a workflow's latest state in parts, as the conductor does for a large one: its nodes, then its header, on one partition. */
    void publishStateInParts(Graph graph) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int index = 0; index < graph.nodes().size(); index++) {
                producer.send(new ProducerRecord<>(topics.workflowState(), 0, StateRecords.nodeKey(graph.id(), index),
                        Json.write(graph.nodes().get(index))));
            }
            ProducerRecord<String, byte[]> header = new ProducerRecord<>(topics.workflowState(), 0, graph.id(), Json.write(graph.withNodes(List.of())));
            header.headers().add(StateRecords.NODES_HEADER, Integer.toString(graph.nodes().size()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            producer.send(header).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + graph.id(), e);
        }
    }

    /**
     * Publishes states on partition 0 in one transaction, as the conductor does, and commits it or,
     * with {@code commit} false, aborts it: the state of a transaction the conductor aborted.
     */
    void publishStatesInTransaction(boolean commit, Graph... graphs) {
        KafkaBroker.sendInTransaction(commit, JsonSerde.of(Graph.class), Arrays.stream(graphs)
                .map(graph -> new ProducerRecord<>(topics.workflowState(), 0, graph.id(), graph)).toList());
    }

    /** Publishes log chunks as a worker does, keyed by workflow and node. */
    void publishLogs(LogChunk... chunks) {
        send(Arrays.stream(chunks)
                .map(chunk -> new ProducerRecord<String, Object>(topics.nodeLogs(), chunk.workflowId() + "/" + chunk.nodeId(), chunk))
                .toList());
    }

    /** Publishes workflow events as the conductor does: CloudEvents keyed by workflow id. */
    void publishEvents(WorkflowEvent... events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, WorkflowEvent> producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerde())) {
            for (WorkflowEvent event : events) {
                producer.send(new ProducerRecord<>(topics.workflowEvents(), event.workflowId(), event)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + Arrays.toString(events), e);
        }
    }

    private void send(List<ProducerRecord<String, Object>> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), JsonSerde.of(Object.class))) {
            for (ProducerRecord<String, Object> record : records) {
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + records, e);
        }
    }
}
