package org.gorchestrator.conductor.topology;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
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
 * The workflow store's layout, through the conductor's topology with no workflow kept in memory, so
 * that every event loads its workflow from the store: the whole document at submit, then an entry for
 * each node an event changed, the header without nodes once it changed, and a whole document with no
 * node of its own (as an earlier version left it too) runs on.
 * Beside it, the timer store is written only when a workflow's due moment moves.
 */
class WorkflowStoreTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of());
    private static final String APPLICATION = "workflow-store-test";
    private static final String ID = "wf-s";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, NodeEvent> nodeEvents;
    private TestOutputTopic<String, NodeCommand> nodeCommands;
    private TestOutputTopic<String, byte[]> changelog;
    private TestOutputTopic<String, String> timerChangelog;
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void start() {
        ConductorSettings settings = new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250), Duration.ofHours(1), 0,
                Duration.ofMillis(100));
        Properties config = DriverConfig.atLeastOnce(APPLICATION, stateDir);
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, settings, ConductorMetrics.NONE, RecordTracing.PASS_THROUGH).build(), config, T0);
        commands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), JsonSerde.of(WorkflowCommand.class));
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), new StringSerializer(), JsonSerde.of(NodeEvent.class));
        nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), new StringDeserializer(), JsonSerde.of(NodeCommand.class));
        changelog = driver.createOutputTopic(APPLICATION + "-" + ConductorTopology.WORKFLOW_STORE + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer());
        timerChangelog = driver.createOutputTopic(APPLICATION + "-" + ConductorTopology.TIMER_STORE + "-changelog", new StringDeserializer(),
                new StringDeserializer());
        store = driver.getKeyValueStore(ConductorTopology.WORKFLOW_STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aWorkflowIsStoredWholeAtSubmitAndAnEventChangelogsOnlyTheNodesItChanged() {
        commands.pipeInput(ID, new WorkflowCommand.Submit(ID, Graphs.fanOutFanIn(3, Graphs.nil()), T0));
        assertThat(keys(changelog.readKeyValuesToList())).as("at submit: one record, the whole document").containsExactly(ID);
        assertThat(Json.read(store.get(ID), Graph.class).nodes()).as("its five nodes").hasSize(5)
                .extracting(Node::state).containsOnly(State.TORUN);

        nodeEvents.pipeInput(ID, new NodeEvent.Started(ID, 0, 1, "w1", T0));
        assertThat(keys(changelog.readKeyValuesToList())).as("a node started: that node, loaded from the store and nothing else stored again")
                .containsExactly(StateRecords.nodeKey(ID, 0));

        nodeEvents.pipeInput(ID, new NodeEvent.Succeeded(ID, 0, 1, "w1", 0, Map.of(), T0, T0.plusSeconds(1)));
        assertThat(keys(changelog.readKeyValuesToList())).as("it succeeded and made three nodes ready")
                .containsExactlyInAnyOrder(StateRecords.nodeKey(ID, 0), StateRecords.nodeKey(ID, 1), StateRecords.nodeKey(ID, 2),
                        StateRecords.nodeKey(ID, 3));
        Node stored = Json.read(store.get(StateRecords.nodeKey(ID, 0)), Node.class);
        assertThat(stored.state()).isEqualTo(State.SUCCESS);

        for (int node = 1; node <= 3; node++) {
            nodeEvents.pipeInput(ID, new NodeEvent.Succeeded(ID, node, 1, "w1", 0, Map.of(), T0, T0.plusSeconds(2)));
        }
        changelog.readKeyValuesToList();
        commands.pipeInput(ID, new WorkflowCommand.Cancel(ID, "enough", T0.plusSeconds(3)));
        assertThat(keys(changelog.readKeyValuesToList())).as("canceled: the node the document still held gets its record, the header goes without nodes")
                .containsExactly(StateRecords.nodeKey(ID, 4), ID);
        assertThat(Json.read(store.get(ID), Graph.class).nodes()).isEmpty();
        assertThat(Json.read(new WorkflowStore(store).document(ID), Graph.class).nodes()).extracting(Node::state)
                .containsExactly(State.SUCCESS, State.SUCCESS, State.SUCCESS, State.SUCCESS, State.CANCELED);
    }

    @Test
    void aWholeDocumentStoredWithNoNodeOfItsOwnRunsOnAndIsThenStoredInParts() {
        commands.pipeInput(ID, new WorkflowCommand.Submit(ID, Graphs.seedExampleWith("nil"), T0));
        WorkflowStore workflows = new WorkflowStore(store);
        byte[] whole = workflows.document(ID);
        workflows.delete(ID);
        assertThat(keys(store)).isEmpty();
        store.put(ID, whole);

        List<Integer> dispatched = runToTheEnd();
        assertThat(dispatched).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(keys(store)).hasSize(1 + 8);
        Graph done = Json.read(workflows.document(ID), Graph.class);
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        assertThat(done.nodes()).extracting(Node::state).containsOnly(State.SUCCESS);
    }

    @Test
    void theTimerIsWrittenWhenTheWorkflowStartsAndEndsNotAtEveryNodeEvent() {
        commands.pipeInput(ID, new WorkflowCommand.Submit(ID, Graphs.chain(6, Graphs.nil()), T0));
        assertThat(timerChangelog.readKeyValuesToList()).as("at submit: the graph's deadline")
                .containsExactly(KeyValue.pair(Timers.key(T0.plus(EngineSettings.DEFAULTS.graphTimeout()), ID), ID));

        runToTheEnd();
        assertThat(timerChangelog.readKeyValuesToList()).as("six node events later: the deadline goes, the end of its retention comes")
                .containsExactly(KeyValue.pair(Timers.key(T0.plus(EngineSettings.DEFAULTS.graphTimeout()), ID), null),
                        KeyValue.pair(Timers.key(T0.plus(Duration.ofHours(1)), ID), ID));
    }

    @Test
    void aPurgeDeletesTheHeaderAndEveryNode() {
        commands.pipeInput(ID, new WorkflowCommand.Submit(ID, Graphs.chain(3, Graphs.nil()), T0));
        commands.pipeInput("wf-other", new WorkflowCommand.Submit("wf-other", Graphs.chain(2, Graphs.nil()), T0));
        runToTheEnd();
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(keys(store)).as("the other workflow runs on, untouched")
                .containsExactlyInAnyOrder("wf-other", StateRecords.nodeKey("wf-other", 0), StateRecords.nodeKey("wf-other", 1));
        assertThat(new String(new WorkflowStore(store).document("wf-other"), UTF_8)).contains("\"wf-other\"");
    }

    @Test
    void anInputForAWorkflowIdWithANulIsDroppedForItWouldRunIntoAnotherWorkflowsNodes() {
        String bad = ID + "\u0000" + "0000000000";
        commands.pipeInput(bad, new WorkflowCommand.Submit(bad, Graphs.chain(2, Graphs.nil()), T0));
        assertThat(keys(store)).isEmpty();
        assertThat(nodeCommands.isEmpty()).isTrue();
    }

    /** Succeeds every node dispatched for {@link #ID} until none is left; returns them in order. */
    private List<Integer> runToTheEnd() {
        List<Integer> dispatched = new ArrayList<>();
        for (List<NodeCommand> ready = nodeCommands.readValuesToList(); !ready.isEmpty(); ready = nodeCommands.readValuesToList()) {
            for (NodeCommand command : ready) {
                if (command.workflowId().equals(ID)) {
                    dispatched.add(command.nodeId());
                    nodeEvents.pipeInput(ID, new NodeEvent.Succeeded(ID, command.nodeId(), command.attempt(), "w1", 0, Map.of(), T0, T0));
                }
            }
        }
        return dispatched;
    }

    private static List<String> keys(List<KeyValue<String, byte[]>> records) {
        return records.stream().map(record -> record.key).toList();
    }

    private static List<String> keys(KeyValueStore<String, byte[]> store) {
        List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
