package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConductorTopologyTest {
    private static final Topics TOPICS = Topics.DEFAULTS;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, NodeEvent> nodeEvents;
    private TestOutputTopic<String, NodeCommand> nodeCommands;
    private TestOutputTopic<String, WorkflowEvent> workflowEvents;
    private TestOutputTopic<String, Graph> workflowState;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "conductor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, Duration.ofHours(1), Duration.ofMinutes(1)).build(), config);
        StringSerializer keys = new StringSerializer();
        StringDeserializer keysIn = new StringDeserializer();
        commands = driver.createInputTopic(TOPICS.workflowCommands(), keys, JsonSerde.of(WorkflowCommand.class));
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), keys, JsonSerde.of(NodeEvent.class));
        nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), keysIn, JsonSerde.of(NodeCommand.class));
        workflowEvents = driver.createOutputTopic(TOPICS.workflowEvents(), keysIn, JsonSerde.of(WorkflowEvent.class));
        workflowState = driver.createOutputTopic(TOPICS.workflowState(), keysIn, JsonSerde.of(Graph.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void seedGraphRunsToSuccessWithEachNodeDispatchedOnce() {
        commands.pipeInput("wf-1", new WorkflowCommand.Submit("wf-1", Graphs.seedExampleWith("nil"), T0));
        List<Integer> dispatched = new java.util.ArrayList<>();
        List<NodeCommand> ready = nodeCommands.readValuesToList();
        while (!ready.isEmpty()) {
            for (NodeCommand command : ready) {
                dispatched.add(command.nodeId());
                nodeEvents.pipeInput("wf-1", new NodeEvent.Started("wf-1", command.nodeId(), command.attempt(), "w1", T0));
                nodeEvents.pipeInput("wf-1", new NodeEvent.Succeeded("wf-1", command.nodeId(), command.attempt(), "w1", 0, Map.of(), T0, T0));
            }
            ready = nodeCommands.readValuesToList();
        }
        assertThat(dispatched).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        Graph last = lastState("wf-1");
        assertThat(last.state()).isEqualTo(State.SUCCESS);
        assertThat(last.nodes()).allSatisfy(node -> assertThat(node.state()).isEqualTo(State.SUCCESS));
        assertThat(store().get("wf-1").state()).isEqualTo(State.SUCCESS);
    }

    @Test
    void nodeCommandsAreKeyedByWorkflowAndNodeSoOneWorkflowSpreadsOverWorkers() {
        commands.pipeInput("wf-2", new WorkflowCommand.Submit("wf-2", Graphs.fanOutFanIn(3, Graphs.nil()), T0));
        nodeEvents.pipeInput("wf-2", new NodeEvent.Succeeded("wf-2", 0, 1, "w1", 0, Map.of(), T0, T0));
        assertThat(nodeCommands.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("wf-2/0", "wf-2/1", "wf-2/2", "wf-2/3");
    }

    @Test
    void duplicateAndStaleEventsChangeNothingAndEmitNothing() {
        commands.pipeInput("wf-3", new WorkflowCommand.Submit("wf-3", Graphs.chain(2, Graphs.nil()), T0));
        NodeEvent done = new NodeEvent.Succeeded("wf-3", 0, 1, "w1", 0, Map.of(), T0, T0);
        nodeEvents.pipeInput("wf-3", done);
        nodeCommands.readValuesToList();
        workflowEvents.readValuesToList();
        workflowState.readValuesToList();

        nodeEvents.pipeInput("wf-3", done);
        nodeEvents.pipeInput("wf-3", new NodeEvent.Failed("wf-3", 1, 7, "w1", 1, "stale attempt", T0, T0));
        nodeEvents.pipeInput("wf-3", new NodeEvent.Succeeded("unknown", 0, 1, "w1", 0, Map.of(), T0, T0));
        commands.pipeInput("wf-3", new WorkflowCommand.Submit("wf-3", Graphs.chain(5, Graphs.nil()), T0));

        assertThat(nodeCommands.isEmpty()).isTrue();
        assertThat(workflowEvents.isEmpty()).isTrue();
        assertThat(workflowState.isEmpty()).isTrue();
        assertThat(store().get("wf-3").nodes()).hasSize(2);
    }

    @Test
    void inputWhoseKeyIsNotItsWorkflowIsDropped() {
        commands.pipeInput("other-key", new WorkflowCommand.Submit("wf-4", Graphs.chain(2, Graphs.nil()), T0));
        assertThat(nodeCommands.isEmpty()).isTrue();
        assertThat(store().get("wf-4")).isNull();
    }

    @Test
    void failureMakesSuccessorsNotRunnableAndCancelOfAFinishedGraphChangesNothing() {
        commands.pipeInput("wf-5", new WorkflowCommand.Submit("wf-5", Graphs.chain(3, Graphs.nil()), T0));
        nodeEvents.pipeInput("wf-5", new NodeEvent.Failed("wf-5", 0, 1, "w1", 2, "exit 2", T0, T0));
        Graph failed = lastState("wf-5");
        assertThat(failed.state()).isEqualTo(State.FAILURE);
        assertThat(failed.nodes()).extracting(n -> n.state()).containsExactly(State.FAILURE, State.NOTRUNNABLE, State.NOTRUNNABLE);

        workflowEvents.readValuesToList();
        commands.pipeInput("wf-5", new WorkflowCommand.Cancel("wf-5", "user", T0));
        assertThat(workflowEvents.isEmpty()).isTrue();
    }

    @Test
    void finishedWorkflowsArePurgedAfterRetentionWithATombstone() {
        commands.pipeInput("wf-6", new WorkflowCommand.Submit("wf-6", Graphs.chain(1, Graphs.nil()), Instant.now()));
        nodeEvents.pipeInput("wf-6", new NodeEvent.Succeeded("wf-6", 0, 1, "w1", 0, Map.of(), Instant.now(), Instant.now()));
        commands.pipeInput("wf-7", new WorkflowCommand.Submit("wf-7", Graphs.chain(1, Graphs.nil()), Instant.now()));
        workflowState.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(61));

        var records = workflowState.readKeyValuesToList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key).isEqualTo("wf-6");
        assertThat(records.get(0).value).isNull();
        assertThat(store().get("wf-6")).isNull();
        assertThat(store().get("wf-7")).as("a running workflow is never purged").isNotNull();
    }

    private Graph lastState(String id) {
        List<Graph> states = workflowState.readValuesToList();
        assertThat(states).isNotEmpty();
        Graph last = states.get(states.size() - 1);
        assertThat(last.id()).isEqualTo(id);
        return last;
    }

    private KeyValueStore<String, Graph> store() {
        return driver.getKeyValueStore(ConductorTopology.WORKFLOW_STORE);
    }
}
