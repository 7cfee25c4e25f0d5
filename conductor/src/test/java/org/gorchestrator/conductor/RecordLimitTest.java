package org.gorchestrator.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * A conductor on a real broker whose records are small (64 kB), and whose events topic takes even
 * less (32 kB): a workflow whose state would outgrow a record, and one whose event the broker refuses,
 * each fail with the reason in their state, while the conductor keeps running and the next
 * workflow succeeds. Before, either stopped the conductor for good.
 * A command that is not JSON goes, once, to the dead-letter topic, written in the conductor's transaction.
 *
 * <p>The producer's batches are kept below the events topic's limit: a broker refusing a batch of
 * several records makes the producer split it into batches of its batch size, the same batch again,
 * and retry until the transaction times out (Kafka 4.1).
 */
@ExtendWith(KafkaBroker.class)
class RecordLimitTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String COMMANDS = "wc-" + SUFFIX;
    private static final String NODE_COMMANDS = "nc-" + SUFFIX;
    private static final String NODE_EVENTS = "ne-" + SUFFIX;
    private static final String EVENTS = "we-" + SUFFIX;
    private static final String STATE = "ws-" + SUFFIX;
    private static final String DEAD_LETTERS = "dl-" + SUFFIX;
    private static final int EVENT_LIMIT = 32 * 1024;

    @TempDir
    static Path stateDir;
    private static ConfigurableApplicationContext conductor;
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> commands;
    private static KafkaConsumer<String, byte[]> states;
    private static final Map<String, Graph> latest = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            // Created before the conductor, which keeps a topic that exists as it is: a broker limit below the producer's.
            admin.createTopics(List.of(new NewTopic(EVENTS, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(EVENT_LIMIT))))).all().get();
        }
        conductor = new SpringApplicationBuilder(ConductorApplication.class).properties(
                "spring.main.web-application-type=none",
                "gorch.kafka.workflow-commands-topic=" + COMMANDS,
                "gorch.kafka.node-commands-topic=" + NODE_COMMANDS,
                "gorch.kafka.node-events-topic=" + NODE_EVENTS,
                "gorch.kafka.workflow-events-topic=" + EVENTS,
                "gorch.kafka.workflow-state-topic=" + STATE,
                "gorch.kafka.node-control-topic=ctl-" + SUFFIX,
                "gorch.kafka.node-logs-topic=logs-" + SUFFIX,
                "gorch.kafka.partitions=1",
                "gorch.kafka.node-command-partitions=1",
                "gorch.kafka.max-message-size=64KB",
                // The broker checks a topic's limit on the batch as it comes: compressed, the repeated output below would fit.
                "gorch.kafka.compression=none",
                "spring.kafka.streams.properties.producer.batch.size=16384",
                // A replaced stream thread leaves its member behind until its session times out: the shortest a broker allows.
                "spring.kafka.streams.properties.consumer.session.timeout.ms=6000",
                "spring.kafka.streams.properties.consumer.heartbeat.interval.ms=1000",
                "gorch.conductor.max-workflow-outputs-size=47KB",
                "gorch.conductor.application-id=conductor-" + SUFFIX,
                "gorch.conductor.dead-letter-topic=" + DEAD_LETTERS,
                "gorch.conductor.state-dir=" + stateDir).run();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        commands = consumer(NODE_COMMANDS);
        states = consumer(STATE);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {commands, states, producer, conductor}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void workflowsWhoseRecordsCannotBeWrittenFailWithTheReasonAndTheConductorGoesOn() {
        // 20 nodes, 18 of them printing 4 kB each: a state of 85 kB in the end. The conductor fails the workflow once its
        // state would outgrow what a record holds (64 kB less 16 kB for the rest of the record), before the outputs limit.
        submit("too-big", withOutputs(Graphs.fanOutFanIn(18, Graphs.shell("./print.sh"))));
        Graph tooBig = runUntilFinished("too-big", "x".repeat(4_000));
        assertThat(tooBig.state()).isEqualTo(State.FAILURE);
        assertThat(tooBig.nodes()).allSatisfy(node -> assertThat(node.output()).containsEntry("value", ""));
        assertThat(tooBig.nodes()).anySatisfy(node -> assertThat(node.message()).contains("bytes a state record holds"));

        // One node printing 36 kB, within every limit of the conductor: its node.changed event is larger than the events topic takes.
        submit("refused", withOutputs(Graphs.chain(2, Graphs.shell("./print.sh"))));
        Graph refused = runUntilFinished("refused", "y".repeat(36_000));
        assertThat(refused.state()).isEqualTo(State.FAILURE);
        assertThat(refused.nodes().get(0).message()).contains("could not be written");

        submit("small", Graphs.chain(2, Graphs.nil()));
        assertThat(runUntilFinished("small", "").state()).isEqualTo(State.SUCCESS);
        KafkaStreams streams = conductor.getBean("&conductorStreams", StreamsBuilderFactoryBean.class).getKafkaStreams();
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        MeterRegistry meters = conductor.getBean(MeterRegistry.class);
        assertThat(meters.counter("gorch.conductor.unwritable.records", "topic", STATE, "reason", "state-too-large").count()).isEqualTo(1);
        assertThat(meters.counter("gorch.conductor.unwritable.records", "topic", EVENTS, "reason", "record-too-large").count()).isPositive();
    }

    @Test
    void aMalformedCommandIsDeadLetteredOnceInTheConductorsTransactionAndTheConductorGoesOn() throws Exception {
        byte[] junk = "{not a command".getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(COMMANDS, "junk", junk)).get();
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> deadLetters = consumer(DEAD_LETTERS)) {
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).records(DEAD_LETTERS).forEach(letters::add);
                return !letters.isEmpty();
            });
            submit("after-junk", Graphs.chain(2, Graphs.nil()));
            assertThat(runUntilFinished("after-junk", "").state()).isEqualTo(State.SUCCESS);
            deadLetters.poll(Duration.ofMillis(500)).records(DEAD_LETTERS).forEach(letters::add);
        }
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).key()).isEqualTo("junk");
        assertThat(letters.get(0).value()).isEqualTo(junk);
        assertThat(new String(letters.get(0).headers().lastHeader("gorch.rejected.reason").value(), StandardCharsets.UTF_8)).isEqualTo("malformed");
        MeterRegistry meters = conductor.getBean(MeterRegistry.class);
        assertThat(meters.counter("gorch.conductor.rejected.inputs", "reason", "malformed").count()).isEqualTo(1);
    }

    private static Graph withOutputs(Graph graph) {
        return graph.withNodes(graph.nodes().stream().map(node -> node.withOutput(Map.of("value", ""))).toList());
    }

    private static void submit(String id, Graph graph) {
        send(COMMANDS, id, new WorkflowCommand.Submit(id, graph, Instant.now()));
    }

    private static void send(String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, Json.write(value))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plays the worker: every node of {@code id} dispatched succeeds, printing {@code value} if it declares an output. */
    private static Graph runUntilFinished(String id, String value) {
        await().atMost(Duration.ofSeconds(90)).pollInSameThread().until(() -> {
            commands.poll(Duration.ofMillis(100)).forEach(record -> {
                NodeCommand command = JsonSerde.of(NodeCommand.class).deserializer().deserialize(record.topic(), record.value());
                Map<String, String> outputs = command.outputs().isEmpty() ? Map.of() : Map.of("value", value);
                send(NODE_EVENTS, command.workflowId(), new NodeEvent.Succeeded(command.workflowId(), command.nodeId(), command.attempt(),
                        "w1", 0, outputs, Instant.now(), Instant.now()));
            });
            states.poll(Duration.ofMillis(100)).forEach(record -> {
                if (record.value() != null) {
                    latest.put(record.key(), Json.read(record.value(), Graph.class));
                }
            });
            Graph graph = latest.get(id);
            return graph != null && graph.state().isFinished();
        });
        return latest.get(id);
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
