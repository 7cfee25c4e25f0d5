package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.gorchestrator.engine.EngineSettings;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.RecordParts;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that come in parts ({@link RecordParts}, as the API sends a large submit) are joined before they are read:
 * a whole send runs as one command, an incomplete or oversized one is dead-lettered and runs nothing, and parts whose
 * send never ends are removed after the retention. No part stays in the store once its send is settled.
 */
class CommandPartsTopologyTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of());
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PARTS_RETENTION = Duration.ofMinutes(10);
    private static final long MAX_COMMAND_BYTES = 4_000;
    private static final int PART_BYTES = 256;

    @TempDir
    Path stateDir;

    private final RejectionsKept metrics = new RejectionsKept();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> commands;
    private TestOutputTopic<String, NodeCommand> nodeCommands;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, byte[]> parts;

    @BeforeEach
    void start() {
        ConductorSettings settings = new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250), Duration.ofHours(1), 0,
                Duration.ZERO, ConductorSettings.stateBytesIn(8 * 1024 * 1024), ConductorSettings.DEFAULT_DEAD_LETTER_TOPIC, MAX_COMMAND_BYTES,
                PARTS_RETENTION);
        Properties config = DriverConfig.exactlyOnce("command-parts-test", stateDir);
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, settings, metrics, RecordTracing.PASS_THROUGH).build(), config, T0);
        commands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), new ByteArraySerializer());
        nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), new StringDeserializer(), JsonSerde.of(NodeCommand.class));
        deadLetters = driver.createOutputTopic(ConductorSettings.DEFAULT_DEAD_LETTER_TOPIC, new StringDeserializer(),
                new ByteArrayDeserializer());
        parts = driver.getKeyValueStore(ConductorTopology.COMMAND_PARTS_STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aSubmitInPartsRunsAsTheWholeOneWouldAndLeavesNoPartBehind() {
        List<byte[]> pieces = split(submit("wf-1", 12));
        assertThat(pieces).as("the submit takes several parts").hasSizeGreaterThan(2);

        send("wf-1", "send-a", pieces, List.of());

        assertThat(nodeCommands.readValuesToList()).extracting(NodeCommand::nodeId).containsExactly(0);
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(metrics.reasons).isEmpty();
        assertThat(count(parts)).isZero();
    }

    @Test
    void aSendWithAPartMissingIsDeadLetteredAndRunsNothing() {
        List<byte[]> pieces = split(submit("wf-2", 12));

        send("wf-2", "send-a", pieces, List.of(1));

        assertThat(nodeCommands.isEmpty()).isTrue();
        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("wf-2");
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("incomplete-parts");
        assertThat(header(letter, DeadLetters.DETAIL)).contains("send-a", "part 1 of " + pieces.size() + " never came");
        assertThat(count(parts)).isZero();

        send("wf-2", "send-b", pieces, List.of());
        assertThat(nodeCommands.readValuesToList()).as("the client's retry runs").extracting(NodeCommand::nodeId).containsExactly(0);
    }

    @Test
    void twoSendsOfOneWorkflowInterleavedAreJoinedApartAndTheWorkflowRunsOnce() {
        List<byte[]> pieces = split(submit("wf-3", 12));

        for (int i = 0; i < pieces.size(); i++) {
            pipe("wf-3", "first", i, pieces);
            pipe("wf-3", "second", i, pieces);
        }

        assertThat(nodeCommands.readValuesToList()).as("the second submit of a known id changes nothing")
                .extracting(NodeCommand::nodeId).containsExactly(0);
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(count(parts)).isZero();
    }

    @Test
    void partsThatJoinIntoMoreThanACommandMayTakeAreRefusedNamingTheLimit() {
        List<byte[]> pieces = split(submit("wf-4", 200));
        assertThat(pieces.stream().mapToInt(piece -> piece.length).sum()).isGreaterThan((int) MAX_COMMAND_BYTES);

        send("wf-4", "send-a", pieces, List.of());

        assertThat(nodeCommands.isEmpty()).isTrue();
        assertThat(header(deadLetters.readRecord(), DeadLetters.DETAIL)).contains("over the limit of " + MAX_COMMAND_BYTES,
                "gorch.kafka.max-command-size");
        assertThat(count(parts)).isZero();
    }

    @Test
    void partsWhoseLastOneNeverComesAreRemovedAfterTheRetention() {
        List<byte[]> pieces = split(submit("wf-5", 12));
        pipe("wf-5", "send-a", 0, pieces); // as if the API stopped after two parts
        pipe("wf-5", "send-a", 1, pieces);
        assertThat(count(parts)).isEqualTo(2);

        driver.advanceWallClockTime(PARTS_RETENTION.minusMinutes(1));
        assertThat(count(parts)).as("within the retention they wait").isEqualTo(2);
        driver.advanceWallClockTime(Duration.ofMinutes(2));

        assertThat(count(parts)).isZero();
        assertThat(metrics.reasons).containsExactly("incomplete-parts", "incomplete-parts");
        assertThat(nodeCommands.isEmpty()).isTrue();
    }

    @Test
    void aMalformedPartsHeaderIsDeadLetteredAsItCame() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RecordParts.HEADER, "nonsense".getBytes(StandardCharsets.UTF_8));
        byte[] value = submit("wf-6", 1);

        commands.pipeInput(new TestRecord<>("wf-6", value, headers, T0));

        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("malformed");
        assertThat(letter.value()).isEqualTo(value);
        assertThat(nodeCommands.isEmpty()).isTrue();
    }

    /** A submit of a chain of {@code nodes} nil nodes, as JSON. */
    private static byte[] submit(String id, int nodes) {
        return Json.write(new WorkflowCommand.Submit(id, Graphs.chain(nodes, Graphs.nil()).withId(id), T0));
    }

    private static List<byte[]> split(byte[] value) {
        return RecordParts.write(PART_BYTES, out -> out.write(value));
    }

    /** The parts of one send in order, but those of {@code left}. */
    private void send(String id, String sendId, List<byte[]> pieces, List<Integer> left) {
        for (int i = 0; i < pieces.size(); i++) {
            if (!left.contains(i)) {
                pipe(id, sendId, i, pieces);
            }
        }
    }

    private void pipe(String id, String sendId, int index, List<byte[]> pieces) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RecordParts.HEADER, new RecordParts.Part(sendId, index, pieces.size()).header());
        commands.pipeInput(new TestRecord<>(id, pieces.get(index), headers, T0));
    }

    private static long count(KeyValueStore<String, byte[]> store) {
        try (var all = store.all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
