package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
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
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the conductor refuses: each is counted once under its reason and written once to the
 * dead-letter topic, as it came, with the reason and its origin in headers; the partition goes on.
 * Duplicates and stale reports are not refusals: they change nothing and write nothing.
 */
class RejectedInputsTopologyTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of());
    private static final String DEAD_LETTERS = ConductorSettings.DEFAULT_DEAD_LETTER_TOPIC;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private final RejectionsKept metrics = new RejectionsKept();
    private TopologyTestDriver driver;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, byte[]> rawCommands;
    private TestInputTopic<String, NodeEvent> nodeEvents;
    private TestOutputTopic<String, NodeCommand> nodeCommands;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void start() {
        // No workflow kept in memory: every input loads its workflow from the store, which a test may tamper with.
        ConductorSettings settings = new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250), Duration.ofHours(1), 0,
                Duration.ZERO);
        Properties config = DriverConfig.exactlyOnce("rejected-inputs-test", stateDir);
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, settings, metrics, RecordTracing.PASS_THROUGH).build(), config, T0);
        commands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), JsonSerde.of(WorkflowCommand.class));
        rawCommands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), new ByteArraySerializer());
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), new StringSerializer(), JsonSerde.of(NodeEvent.class));
        nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), new StringDeserializer(), JsonSerde.of(NodeCommand.class));
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eachRefusedInputIsCountedAndDeadLetteredOnceAsItCameWithItsReason() {
        submit("wf-1");
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        rawCommands.pipeInput("wf-1", notJson);
        rawCommands.pipeInput("wf-1", (byte[]) null);
        commands.pipeInput("someone-else", new WorkflowCommand.Cancel("wf-1", "x", T0));
        commands.pipeInput("nobody", new WorkflowCommand.Cancel("nobody", "x", T0));
        nodeEvents.pipeInput("wf-1", new NodeEvent.Started("wf-1", 99, 1, "w1", T0));
        NodeEvent neverDispatched = new NodeEvent.Succeeded("wf-1", 0, 7, "w1", 0, Map.of(), T0, T0);
        nodeEvents.pipeInput("wf-1", neverDispatched);

        List<String> reasons = List.of("malformed", "malformed", "key-mismatch", "unknown-workflow", "unknown-node", "unknown-attempt");
        assertThat(metrics.reasons).isEqualTo(reasons);
        List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).extracting(letter -> header(letter, DeadLetters.REASON)).isEqualTo(reasons);
        assertThat(letters).extracting(TestRecord::key).containsExactly("wf-1", "wf-1", "someone-else", "nobody", "wf-1", "wf-1");
        assertThat(letters.get(0).value()).as("a malformed record goes as it came").isEqualTo(notJson);
        assertThat(letters.get(0)).satisfies(letter -> {
            assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(TOPICS.workflowCommands());
            assertThat(header(letter, DeadLetters.PARTITION)).isEqualTo("0");
            assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo("1");
            assertThat(header(letter, DeadLetters.DETAIL)).contains("WorkflowCommand");
        });
        assertThat(Json.read(letters.get(5).value(), NodeEvent.class)).isEqualTo(neverDispatched);
        assertThat(header(letters.get(5), DeadLetters.TOPIC)).isEqualTo(TOPICS.nodeEvents());

        nodeEvents.pipeInput("wf-1", new NodeEvent.Succeeded("wf-1", 0, 1, "w1", 0, Map.of(), T0, T0));
        assertThat(nodeCommands.readValuesToList()).as("the partition goes on").extracting(NodeCommand::nodeId).containsExactly(1);
    }

    @Test
    void duplicatesAndStaleInputsChangeNothingAndAreNotRefused() {
        submit("wf-2");
        NodeEvent done = new NodeEvent.Succeeded("wf-2", 0, 1, "w1", 0, Map.of(), T0, T0);
        nodeEvents.pipeInput("wf-2", done);
        nodeEvents.pipeInput("wf-2", done);
        nodeEvents.pipeInput("wf-2", new NodeEvent.Started("wf-2", 0, 1, "w1", T0));
        commands.pipeInput("wf-2", new WorkflowCommand.Submit("wf-2", Graphs.chain(2, Graphs.nil()), T0));
        commands.pipeInput("wf-2", new WorkflowCommand.Rerun("wf-2", T0));
        commands.pipeInput("wf-2", new WorkflowCommand.Cancel("wf-2", "x", T0));
        commands.pipeInput("wf-2", new WorkflowCommand.Cancel("wf-2", "x", T0));
        commands.pipeInput("wf-2", new WorkflowCommand.Rerun("wf-2", T0));
        commands.pipeInput("wf-2", new WorkflowCommand.Rerun("wf-2", T0));

        assertThat(metrics.reasons).isEmpty();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anInputTheEngineFailsOnIsRefusedAndItsWorkflowStaysAsStored() {
        submit("wf-3");
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ConductorTopology.WORKFLOW_STORE);
        // A header no engine writes: a graph in state torun, from which it may not move.
        String header = new String(store.get("wf-3"), StandardCharsets.UTF_8);
        String torun = header.replace("\"state\":2,\"state_name\":\"running\"", "\"state\":1,\"state_name\":\"torun\"");
        assertThat(torun).isNotEqualTo(header);
        byte[] broken = torun.getBytes(StandardCharsets.UTF_8);
        store.put("wf-3", broken);

        commands.pipeInput("wf-3", new WorkflowCommand.Cancel("wf-3", "x", T0));

        assertThat(metrics.reasons).containsExactly("illegal-transition");
        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("illegal-transition");
        assertThat(header(letter, DeadLetters.DETAIL)).contains("illegal graph transition torun -> canceled");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(store.get("wf-3")).as("nothing of the half-made change is stored").isEqualTo(broken);
        assertThat(Json.read(store.get("wf-3"), Graph.class).state()).isEqualTo(State.TORUN);
    }

    private void submit(String id) {
        commands.pipeInput(id, new WorkflowCommand.Submit(id, Graphs.chain(2, Graphs.nil()), T0));
        assertThat(nodeCommands.readValuesToList()).extracting(NodeCommand::nodeId).containsExactly(0);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
