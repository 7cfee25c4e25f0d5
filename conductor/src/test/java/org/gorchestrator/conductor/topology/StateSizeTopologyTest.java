package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.engine.EngineSettings;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow's state is one record: what would make it larger than a record holds fails the
 * workflow, never the conductor. The case, scaled down: nodes that each print a large output.
 */
class StateSizeTopologyTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of());
    private static final long MAX_STATE = 16_000;
    private static final String OUTPUT = "v".repeat(900);

    private final UnwritableRecords unwritable = new UnwritableRecords(ConductorMetrics.NONE);
    /** A directory of its own: the default one, under /tmp, is shared with any other build running this test. */
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private Instant now;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, NodeEvent> nodeEvents;
    private TestOutputTopic<String, NodeCommand> nodeCommands;
    private TestOutputTopic<String, NodeKill> kills;
    private TestOutputTopic<String, WorkflowEvent> workflowEvents;
    private TestOutputTopic<String, byte[]> workflowState;

    private void start(EngineSettings engine, long maxStateBytes) {
        ConductorSettings settings = new ConductorSettings(engine, Duration.ofMillis(250), Duration.ofHours(1), 200_000,
                Duration.ofMillis(100)).withMaxStateBytes(maxStateBytes);
        Properties config = DriverConfig.exactlyOnce("conductor-size-test", stateDir);
        now = Instant.now();
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, settings, ConductorMetrics.NONE, RecordTracing.PASS_THROUGH, unwritable)
                .build(), config, now);
        commands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), JsonSerde.of(WorkflowCommand.class));
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), new StringSerializer(), JsonSerde.of(NodeEvent.class));
        nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), new StringDeserializer(), JsonSerde.of(NodeCommand.class));
        kills = driver.createOutputTopic(TOPICS.nodeControl(), new StringDeserializer(), JsonSerde.of(NodeKill.class));
        workflowEvents = driver.createOutputTopic(TOPICS.workflowEvents(), new StringDeserializer(), new CloudEventSerde());
        workflowState = driver.createOutputTopic(TOPICS.workflowState(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** 20 shell nodes side by side, each declaring an output. */
    private static Graph wideWithOutputs(int width) {
        return Graphs.fanOutFanIn(width, i -> Node.of(i, "n" + i, "shell", "./print.sh", List.of()).withOutput(Map.of("value", "")));
    }

    private void succeed(String id, NodeCommand command, String value) {
        nodeEvents.pipeInput(id, succeeded(id, command, value));
    }

    private NodeEvent.Succeeded succeeded(String id, NodeCommand command, String value) {
        return new NodeEvent.Succeeded(id, command.nodeId(), command.attempt(), "w1", 0, Map.of("value", value), now, now);
    }

    @Test
    void outputsOverTheWorkflowsLimitFailTheirNodeWithTheReasonAndAreNotKept() {
        start(EngineSettings.DEFAULTS.withMaxOutputsBytes(1_000), MAX_STATE);
        commands.pipeInput("wf-o", new WorkflowCommand.Submit("wf-o", Graphs.chain(2, Graphs.shell("./print.sh")).withNodes(
                Graphs.chain(2, Graphs.shell("./print.sh")).nodes().stream().map(n -> n.withOutput(Map.of("value", ""))).toList()), now));

        succeed("wf-o", nodeCommands.readValuesToList().get(0), "x".repeat(2_000));

        Graph last = lastState();
        assertThat(last.state()).isEqualTo(State.FAILURE);
        assertThat(last.nodes().get(0).state()).isEqualTo(State.FAILURE);
        assertThat(last.nodes().get(0).output()).containsEntry("value", "");
        assertThat(last.nodes().get(0).message()).contains("limit of 1000", "max-workflow-outputs-size");
        assertThat(nodeChanges()).anySatisfy(node -> assertThat(node.message()).contains("limit of 1000"));
        assertThat(nodeCommands.isEmpty()).as("the second node never runs").isTrue();
    }

    @Test
    void aChangeThatWouldMakeTheStateLargerThanARecordFailsTheWorkflowAndTheConductorGoesOn() {
        start(EngineSettings.DEFAULTS.withMaxOutputsBytes(MAX_STATE - 1), MAX_STATE);
        commands.pipeInput("wf-big", new WorkflowCommand.Submit("wf-big", wideWithOutputs(18), now));
        succeed("wf-big", nodeCommands.readValuesToList().get(0), "");
        List<NodeCommand> wide = nodeCommands.readValuesToList();
        assertThat(wide).hasSize(18);

        NodeEvent.Succeeded refused = null;
        for (NodeCommand command : wide) {
            NodeEvent.Succeeded report = succeeded("wf-big", command, OUTPUT);
            nodeEvents.pipeInput("wf-big", report);
            if (stored("wf-big").state() == State.FAILURE) {
                refused = report;
                break;
            }
        }

        assertThat(refused).as("the outputs limit alone would have let all 18 through").isNotNull();
        List<byte[]> documents = new ArrayList<>(workflowState.readValuesToList());
        assertThat(documents).allSatisfy(json -> assertThat(json.length).isLessThanOrEqualTo((int) MAX_STATE));
        Graph failed = Json.read(documents.get(documents.size() - 1), Graph.class);
        assertThat(failed.state()).isEqualTo(State.FAILURE);
        assertThat(failed.nodes()).allSatisfy(node -> assertThat(node.output()).containsEntry("value", ""));
        assertThat(failed.nodes().get(refused.nodeId()).state()).as("its report was not applied").isEqualTo(State.FAILURE);
        assertThat(failed.nodes().get(refused.nodeId()).message()).contains("bytes a state record holds", "node " + refused.nodeId());
        assertThat(kills.readValuesToList()).extracting(NodeKill::nodeId).contains(refused.nodeId());
        assertThat(workflowEvents.readValuesToList()).contains(new WorkflowEvent.WorkflowChanged("wf-big", State.FAILURE, refused.at()));

        nodeEvents.pipeInput("wf-big", refused);
        assertThat(workflowEvents.isEmpty()).as("the same report again changes nothing").isTrue();

        commands.pipeInput("wf-small", new WorkflowCommand.Submit("wf-small", Graphs.chain(2, Graphs.nil()), now));
        nodeEvents.pipeInput("wf-small", new NodeEvent.Succeeded("wf-small", 0, 1, "w1", 0, Map.of(), now, now));
        nodeEvents.pipeInput("wf-small", new NodeEvent.Succeeded("wf-small", 1, 1, "w1", 0, Map.of(), now, now));
        assertThat(stored("wf-small").state()).isEqualTo(State.SUCCESS);
    }

    @Test
    void aWorkflowWhoseRecordWasRefusedIsFailedAtItsNextInputThenDeletedIfRefusedAgain() {
        start(EngineSettings.DEFAULTS, 4 * 1024 * 1024);
        commands.pipeInput("wf-r", new WorkflowCommand.Submit("wf-r", wideWithOutputs(2), now));
        NodeCommand root = nodeCommands.readValuesToList().get(0);
        workflowEvents.readValuesToList();

        unwritable.report(TOPICS.workflowState(), "wf-r", 9_000_000, "record-too-large", new RecordTooLargeException("too large"));
        succeed("wf-r", root, "ok");

        Graph failed = stored("wf-r");
        assertThat(failed.state()).isEqualTo(State.FAILURE);
        assertThat(failed.nodes().get(0).message()).as("failed instead of applying the report")
                .contains("a record of 9000000 bytes for ws could not be written: too large");
        assertThat(workflowEvents.readValuesToList()).contains(new WorkflowEvent.WorkflowChanged("wf-r", State.FAILURE, now));

        unwritable.report(TOPICS.workflowState(), "wf-r", 9_000_000, "record-too-large", new RecordTooLargeException("too large"));
        commands.pipeInput("wf-r", new WorkflowCommand.Rerun("wf-r", now));

        assertThat(stored("wf-r")).as("refused again: deleted").isNull();
        assertThat(workflowState.readKeyValuesToList()).last().satisfies(kv -> assertThat(kv.value).as("a tombstone").isNull());
        assertThat(unwritable.replaceThread()).as("nothing waits").isFalse();
    }

    @Test
    void aWorkflowWhoseBatchedPublishWasRefusedIsFailedWhenItWouldBePublished() {
        start(EngineSettings.DEFAULTS, 4 * 1024 * 1024);
        commands.pipeInput("wf-p", new WorkflowCommand.Submit("wf-p", wideWithOutputs(2), now));
        nodeEvents.pipeInput("wf-p", new NodeEvent.Started("wf-p", 0, 1, "w1", now));
        workflowState.readValuesToList();

        unwritable.report(TOPICS.workflowState(), "wf-p", 9_000_000, "record-too-large", new RecordTooLargeException("too large"));
        driver.advanceWallClockTime(Duration.ofMillis(100));

        List<byte[]> published = workflowState.readValuesToList();
        assertThat(published).hasSize(1);
        assertThat(Json.read(published.get(0), Graph.class).state()).isEqualTo(State.FAILURE);
    }

    private Graph lastState() {
        List<byte[]> states = workflowState.readValuesToList();
        return Json.read(states.get(states.size() - 1), Graph.class);
    }

    private List<Node> nodeChanges() {
        return workflowEvents.readValuesToList().stream().filter(WorkflowEvent.NodeChanged.class::isInstance)
                .map(e -> ((WorkflowEvent.NodeChanged) e).node()).toList();
    }

    private Graph stored(String id) {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ConductorTopology.WORKFLOW_STORE);
        byte[] document = new WorkflowStore(store).document(id);
        return document == null ? null : Json.read(document, Graph.class);
    }
}
