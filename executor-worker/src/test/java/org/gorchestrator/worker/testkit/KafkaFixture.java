package org.gorchestrator.worker.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.test.KafkaBroker;
import org.gorchestrator.message.LogChunk;

/**
 * Fresh topics on the test broker, a producer of node commands and kills, and a reader of every node event and log chunk.
 * Each fixture has its own topics, so a new consumer group never sees another test's commands.
 */
public final class KafkaFixture implements AutoCloseable {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    private final Topics topics;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, NodeEvent> events;
    private final List<ConsumerRecord<String, NodeEvent>> seen = new ArrayList<>();
    private final KafkaConsumer<String, LogChunk> logs;
    private final List<ConsumerRecord<String, LogChunk>> logsSeen = new ArrayList<>();

    private KafkaFixture(Topics topics) {
        this.topics = topics;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()));
        this.producer = new KafkaProducer<>(clientProperties(), new StringSerializer(), new ByteArraySerializer());
        this.events = new KafkaConsumer<>(clientProperties(), new StringDeserializer(), JsonSerde.of(NodeEvent.class));
        this.logs = new KafkaConsumer<>(clientProperties(), new StringDeserializer(), JsonSerde.of(LogChunk.class));
    }

    /** New topics, {@code nodeCommandPartitions} partitions of node commands, all created before this returns. */
    public static KafkaFixture withFreshTopics(int nodeCommandPartitions) {
        KafkaFixture fixture = new KafkaFixture(freshTopics(nodeCommandPartitions));
        fixture.createTopics(fixture.topics.newTopics(Topics.DEFAULTS.eventRetention()));
        fixture.readFromTheBeginning(fixture.events, fixture.topics.nodeEvents());
        fixture.readFromTheBeginning(fixture.logs, fixture.topics.nodeLogs());
        return fixture;
    }

    /**
     * As {@link #withFreshTopics}, but the node-events topic comes only with {@link #createNodeEventsTopic()}: till then a
     * worker cannot publish its events (on a broker that does not create topics by itself, see
     * {@link #brokerCreatesTopicsOnDemand()}).
     */
    public static KafkaFixture withFreshTopicsButNodeEvents(int nodeCommandPartitions) {
        KafkaFixture fixture = new KafkaFixture(freshTopics(nodeCommandPartitions));
        fixture.createTopics(fixture.topics.newTopics(Topics.DEFAULTS.eventRetention()).stream().filter(t -> !t.name().equals(fixture.topics.nodeEvents())).toList());
        fixture.readFromTheBeginning(fixture.logs, fixture.topics.nodeLogs());
        return fixture;
    }

    public void createNodeEventsTopic() {
        createTopics(topics.newTopics(Topics.DEFAULTS.eventRetention()).stream().filter(t -> t.name().equals(topics.nodeEvents())).toList());
        readFromTheBeginning(events, topics.nodeEvents());
    }

    /** Whether the broker creates a topic when a client asks for one it does not have ({@code auto.create.topics.enable}). */
    public boolean brokerCreatesTopicsOnDemand() {
        try {
            String broker = admin.describeCluster().nodes().get().iterator().next().idString();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker);
            return Boolean.parseBoolean(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get("auto.create.topics.enable").value());
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Topics freshTopics(int nodeCommandPartitions) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new Topics("wc-" + suffix, "nc-" + suffix, "ne-" + suffix, "we-" + suffix, "ws-" + suffix,
                "ctl-" + suffix, "logs-" + suffix, 2, nodeCommandPartitions, (short) 1, Duration.ofHours(1), 1024 * 1024,
                Duration.ofHours(1), java.util.List.of());
    }

    public Topics topics() {
        return topics;
    }

    /** The {@code gorch.kafka.*} properties of this fixture's topics, for a Spring context. */
    public String[] topicProperties() {
        return new String[] {
            "gorch.kafka.workflow-commands-topic=" + topics.workflowCommands(),
            "gorch.kafka.node-commands-topic=" + topics.nodeCommands(),
            "gorch.kafka.node-events-topic=" + topics.nodeEvents(),
            "gorch.kafka.workflow-events-topic=" + topics.workflowEvents(),
            "gorch.kafka.workflow-state-topic=" + topics.workflowState(),
            "gorch.kafka.node-control-topic=" + topics.nodeControl(),
            "gorch.kafka.node-logs-topic=" + topics.nodeLogs(),
            "gorch.kafka.partitions=" + topics.partitions(),
            "gorch.kafka.node-command-partitions=" + topics.nodeCommandPartitions()
        };
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
        send(topics.nodeCommands(), key, value, null);
    }

    /** Sends the command with a W3C {@code traceparent} header, as the conductor does. */
    public void sendTraced(NodeCommand command, String traceparent) {
        send(topics.nodeCommands(), command.key(), Json.write(command), traceparent);
    }

    /**
     * Sends the commands to partition 0 in one transaction, as the conductor does, and commits it
     * or, with {@code commit} false, aborts it: the commands of a transaction the conductor aborted.
     */
    public void sendInTransaction(boolean commit, NodeCommand... commands) {
        KafkaBroker.sendInTransaction(commit, new ByteArraySerializer(), Arrays.stream(commands)
                .map(command -> new ProducerRecord<>(topics.nodeCommands(), 0, command.key(), Json.write(command))).toList());
    }

    /** Publishes the kill on the control topic, as the conductor does. */
    public void kill(NodeKill kill) {
        send(topics.nodeControl(), kill.key(), Json.write(kill), null);
    }

    /** Reads node events until {@code done} holds for all read so far; returns them all, in order per workflow. */
    public List<NodeEvent> awaitEvents(Predicate<List<NodeEvent>> done) {
        return values(awaitEventRecords(records -> done.test(values(records))));
    }

    /** As {@link #awaitEvents}, with the records' keys and headers. */
    public List<ConsumerRecord<String, NodeEvent>> awaitEventRecords(Predicate<List<ConsumerRecord<String, NodeEvent>>> done) {
        await().atMost(EVENT_WAIT).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            events.poll(Duration.ofMillis(100)).forEach(seen::add);
            return done.test(seen);
        });
        return List.copyOf(seen);
    }

    /** Reads log chunks until {@code done} holds for all read so far; returns them all, in order per partition. */
    public List<ConsumerRecord<String, LogChunk>> awaitLogs(Predicate<List<ConsumerRecord<String, LogChunk>>> done) {
        await().atMost(EVENT_WAIT).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            logs.poll(Duration.ofMillis(100)).forEach(logsSeen::add);
            return done.test(logsSeen);
        });
        return List.copyOf(logsSeen);
    }

    /** The events read so far plus any that arrive within {@code quiet}. */
    public List<NodeEvent> eventsAfter(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            events.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return values(seen);
    }

    private static List<NodeEvent> values(List<ConsumerRecord<String, NodeEvent>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
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
        logs.close();
        producer.close();
        admin.close();
    }

    private void createTopics(List<NewTopic> newTopics) {
        try {
            admin.createTopics(newTopics).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String topic, String key, byte[] value, String traceparent) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, TraceHeaders.of(traceparent))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readFromTheBeginning(KafkaConsumer<String, ?> consumer, String topic) {
        List<TopicPartition> partitions = IntStream.range(0, topics.partitions()).mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }
}
