package org.gorchestrator.worker.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.test.KafkaBroker;

/**
 * Fresh topics on the test broker, a producer of node commands and a reader of every node event.
 * Each fixture has its own topics, so a new consumer group never sees another test's commands.
 */
public final class KafkaFixture implements AutoCloseable {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    private final Topics topics;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, NodeEvent> events;
    private final List<NodeEvent> seen = new ArrayList<>();

    private KafkaFixture(Topics topics) {
        this.topics = topics;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()));
        this.producer = new KafkaProducer<>(clientProperties(), new StringSerializer(), new ByteArraySerializer());
        this.events = new KafkaConsumer<>(clientProperties(), new StringDeserializer(), JsonSerde.of(NodeEvent.class));
    }

    /** New topics, {@code nodeCommandPartitions} partitions of node commands, all created before this returns. */
    public static KafkaFixture withFreshTopics(int nodeCommandPartitions) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("wc-" + suffix, "nc-" + suffix, "ne-" + suffix, "we-" + suffix, "ws-" + suffix,
                "ctl-" + suffix, "logs-" + suffix, 2, nodeCommandPartitions, (short) 1, Duration.ofHours(1), 1024 * 1024,
                Duration.ofHours(1));
        KafkaFixture fixture = new KafkaFixture(topics);
        fixture.createTopics();
        return fixture;
    }

    public Topics topics() {
        return topics;
    }

    /** What a service gets from {@code spring.kafka.*}: just the broker. */
    public static Map<String, Object> clientProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
    }

    public void send(NodeCommand... commands) {
        for (NodeCommand command : commands) {
            sendRaw(command.key(), Json.write(command));
        }
    }

    public void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topics.nodeCommands(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads node events until {@code done} holds for all read so far; returns them all, in order per workflow. */
    public List<NodeEvent> awaitEvents(Predicate<List<NodeEvent>> done) {
        await().atMost(EVENT_WAIT).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            events.poll(Duration.ofMillis(100)).forEach(r -> seen.add(r.value()));
            return done.test(seen);
        });
        return List.copyOf(seen);
    }

    /** The events read so far plus any that arrive within {@code quiet}. */
    public List<NodeEvent> eventsAfter(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, NodeEvent> r : events.poll(Duration.ofMillis(100))) {
                seen.add(r.value());
            }
        }
        return List.copyOf(seen);
    }

    /** The sum of the group's committed offsets over the node-command partitions: records it finished. */
    public long committed(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        events.close();
        producer.close();
        admin.close();
    }

    private void createTopics() {
        try {
            admin.createTopics(topics.newTopics()).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        List<TopicPartition> partitions = IntStream.range(0, topics.partitions())
                .mapToObj(p -> new TopicPartition(topics.nodeEvents(), p)).toList();
        events.assign(partitions);
        events.seekToBeginning(partitions);
    }
}
