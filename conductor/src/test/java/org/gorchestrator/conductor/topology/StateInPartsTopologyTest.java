package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow of more than {@link StateRecords#WHOLE_MAX_NODES} nodes goes to the state topic in parts, so that a
 * document larger than a record still runs: a header and one record per node, only the changed nodes again, and a
 * tombstone for every part when it is purged.
 *
 * <p>Before the state went in parts, this workflow failed at its submission: its document took more than a record.
 */
class StateInPartsTopologyTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of());
    /** Far less than the whole document of the workflow below, far more than one of its nodes. */
    private static final long MAX_STATE = 32_000;
    private static final int WIDTH = StateRecords.WHOLE_MAX_NODES;
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final String ID = "wf-large";

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private Instant now;
    private ConductorSettings settings;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, NodeEvent> nodeEvents;
    private TestOutputTopic<String, NodeCommand> nodeCommands;
    private TestOutputTopic<String, byte[]> workflowState;

    @BeforeEach
    void start() {
        settings = new ConductorSettings(EngineSettings.DEFAULTS.withMaxOutputsBytes(1_000), Duration.ofMillis(250), RETENTION, 200_000,
                Duration.ofMillis(100)).withMaxStateBytes(MAX_STATE);
        Properties config = DriverConfig.exactlyOnce("conductor-parts-test", stateDir);
        now = Instant.now();
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, settings, ConductorMetrics.NONE, RecordTracing.PASS_THROUGH).build(),
                config, now);
        commands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), JsonSerde.of(WorkflowCommand.class));
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), new StringSerializer(), JsonSerde.of(NodeEvent.class));
        nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), new StringDeserializer(), JsonSerde.of(NodeCommand.class));
        workflowState = driver.createOutputTopic(TOPICS.workflowState(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aWorkflowWhoseDocumentNoRecordHoldsRunsInPartsAndSendsOnlyWhatChanged() {
        Graph graph = Graphs.fanOutFanIn(WIDTH, Graphs.nil());
        assertThat(Json.write(graph).length).as("the submitted document alone is over a state record").isGreaterThan((int) MAX_STATE);
        commands.pipeInput(ID, new WorkflowCommand.Submit(ID, graph, now));

        List<TestRecord<String, byte[]>> submitted = workflowState.readRecordsToList();
        assertThat(submitted).hasSize(WIDTH + 3).allSatisfy(record -> assertThat(record.value().length).isLessThanOrEqualTo((int) MAX_STATE));
        TestRecord<String, byte[]> header = submitted.get(submitted.size() - 1);
        assertThat(header.key()).as("the header last: it marks the update").isEqualTo(ID);
        assertThat(new String(header.headers().lastHeader(StateRecords.NODES_HEADER).value(), StandardCharsets.US_ASCII))
                .isEqualTo(Integer.toString(WIDTH + 2));
        assertThat(Json.read(header.value(), Graph.class).nodes()).isEmpty();
        Map<String, byte[]> topic = new TreeMap<>();
        submitted.forEach(record -> topic.put(record.key(), record.value()));
        assertThat(assemble(topic).state()).isEqualTo(State.RUNNING);

        NodeCommand root = nodeCommands.readValuesToList().get(0);
        nodeEvents.pipeInput(ID, new NodeEvent.Succeeded(ID, root.nodeId(), root.attempt(), "w1", 0, Map.of(), now, now));
        List<NodeCommand> wide = nodeCommands.readValuesToList();
        assertThat(wide).hasSize(WIDTH);
        driver.advanceWallClockTime(settings.publishInterval());
        workflowState.readRecordsToList().forEach(record -> topic.put(record.key(), record.value()));

        NodeCommand one = wide.get(7);
        nodeEvents.pipeInput(ID, new NodeEvent.Succeeded(ID, one.nodeId(), one.attempt(), "w1", 0, Map.of(), now, now));
        driver.advanceWallClockTime(settings.publishInterval());
        List<TestRecord<String, byte[]>> changed = workflowState.readRecordsToList();
        assertThat(changed).extracting(TestRecord::key).as("one node changed: that node and the header")
                .containsExactly(StateRecords.nodeKey(ID, one.nodeId()), ID);
        changed.forEach(record -> topic.put(record.key(), record.value()));
        assertThat(assemble(topic).nodes().get(one.nodeId()).state()).isEqualTo(State.SUCCESS);

        commands.pipeInput(ID, new WorkflowCommand.Cancel(ID, "enough", now));
        workflowState.readRecordsToList().forEach(record -> topic.put(record.key(), record.value()));
        Graph done = assemble(topic);
        assertThat(done.state()).isEqualTo(State.CANCELED);
        assertThat(done.nodes()).hasSize(WIDTH + 2);
        assertThat(done.nodes().get(one.nodeId()).state()).isEqualTo(State.SUCCESS);
        assertThat(done.nodes().get(wide.get(8).nodeId()).state()).isEqualTo(State.CANCELED);

        driver.advanceWallClockTime(RETENTION.plusMinutes(1));
        List<TestRecord<String, byte[]>> purged = workflowState.readRecordsToList();
        assertThat(purged).as("a tombstone for every part").allSatisfy(record -> assertThat(record.value()).isNull())
                .extracting(TestRecord::key).containsExactlyInAnyOrderElementsOf(topic.keySet());
        assertThat(purged.get(purged.size() - 1).key()).isEqualTo(ID);
    }

    /** The latest document the parts on the topic make: the header with each node at its index. */
    private static Graph assemble(Map<String, byte[]> topic) {
        Graph header = Json.read(topic.get(ID), Graph.class);
        List<Node> nodes = new ArrayList<>();
        topic.forEach((key, value) -> {
            if (StateRecords.isNodeKey(key)) {
                assertThat(StateRecords.indexOf(key)).isEqualTo(nodes.size());
                nodes.add(Json.read(value, Node.class));
            }
        });
        return header.withNodes(nodes);
    }
}
