package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConductorTopologyTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of("gpu"));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final ConductorSettings SETTINGS = new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250),
            RETENTION, ConductorSettings.DEFAULTS.liveStateNodes(), Duration.ofMillis(100));

    /** A directory of its own: the default one, under /tmp, is shared with any other build running this test. */
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private Instant wallClockStart;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, NodeEvent> nodeEvents;
    private TestOutputTopic<String, NodeCommand> nodeCommands;
    private TestOutputTopic<String, WorkflowEvent> workflowEvents;
    private TestOutputTopic<String, Graph> workflowState;

    @BeforeEach
    void start() {
        Properties config = DriverConfig.exactlyOnce("conductor-test", stateDir);
        wallClockStart = Instant.now();
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, SETTINGS, ConductorMetrics.NONE, RecordTracing.PASS_THROUGH).build(), config, wallClockStart);
        StringSerializer keys = new StringSerializer();
        StringDeserializer keysIn = new StringDeserializer();
        commands = driver.createInputTopic(TOPICS.workflowCommands(), keys, JsonSerde.of(WorkflowCommand.class));
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), keys, JsonSerde.of(NodeEvent.class));
        nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), keysIn, JsonSerde.of(NodeCommand.class));
        workflowEvents = driver.createOutputTopic(TOPICS.workflowEvents(), keysIn, new CloudEventSerde());
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
        assertThat(stored("wf-1").state()).isEqualTo(State.SUCCESS);
    }

    @Test
    void nodeCommandsAreKeyedByWorkflowAndNodeSoOneWorkflowSpreadsOverWorkers() {
        commands.pipeInput("wf-2", new WorkflowCommand.Submit("wf-2", Graphs.fanOutFanIn(3, Graphs.nil()), T0));
        nodeEvents.pipeInput("wf-2", new NodeEvent.Succeeded("wf-2", 0, 1, "w1", 0, Map.of(), T0, T0));
        assertThat(nodeCommands.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("wf-2/0", "wf-2/1", "wf-2/2", "wf-2/3");
    }

    @Test
    void nodeChangesReachTheStateTopicTogetherOncePerPublishIntervalAndTheEndAtOnce() {
        Instant now = wallClockStart; // the graph's deadline must not pass while the wall clock is advanced
        commands.pipeInput("wf-p", new WorkflowCommand.Submit("wf-p", Graphs.chain(3, Graphs.nil()), now));
        assertThat(workflowState.readValuesToList()).as("submitted: the workflow's own state changed")
                .extracting(Graph::state).containsExactly(State.RUNNING);
        nodeEvents.pipeInput("wf-p", new NodeEvent.Started("wf-p", 0, 1, "w1", now));
        nodeEvents.pipeInput("wf-p", new NodeEvent.Succeeded("wf-p", 0, 1, "w1", 0, Map.of(), now, now));
        nodeEvents.pipeInput("wf-p", new NodeEvent.Started("wf-p", 1, 1, "w1", now));
        assertThat(workflowState.isEmpty()).as("node changes wait for the publish interval").isTrue();
        assertThat(nodeCommands.readValuesToList()).as("hand-offs do not wait").extracting(NodeCommand::nodeId).containsExactly(0, 1);

        driver.advanceWallClockTime(SETTINGS.publishInterval());
        List<Graph> published = workflowState.readValuesToList();
        assertThat(published).as("three changes, one document: the latest").hasSize(1);
        assertThat(published.get(0).nodes()).extracting(node -> node.state())
                .containsExactly(State.SUCCESS, State.RUNNING, State.TORUN);
        driver.advanceWallClockTime(SETTINGS.publishInterval().multipliedBy(3));
        assertThat(workflowState.readValuesToList()).as("nothing new, nothing sent").isEmpty();
        assertThat(keys(ConductorTopology.UNPUBLISHED_STORE)).isEmpty();

        nodeEvents.pipeInput("wf-p", new NodeEvent.Succeeded("wf-p", 1, 1, "w1", 0, Map.of(), now, now));
        assertThat(keys(ConductorTopology.UNPUBLISHED_STORE)).containsExactly("wf-p");
        nodeEvents.pipeInput("wf-p", new NodeEvent.Succeeded("wf-p", 2, 1, "w1", 0, Map.of(), now, now));
        List<Graph> end = workflowState.readValuesToList();
        assertThat(end).as("the end goes at once, with the change that waited").extracting(Graph::state).containsExactly(State.SUCCESS);
        assertThat(keys(ConductorTopology.UNPUBLISHED_STORE)).isEmpty();
        driver.advanceWallClockTime(SETTINGS.publishInterval().multipliedBy(3));
        assertThat(workflowState.isEmpty()).isTrue();
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
        assertThat(stored("wf-3").nodes()).hasSize(2);
    }

    @Test
    void inputWhoseKeyIsNotItsWorkflowIsDropped() {
        commands.pipeInput("other-key", new WorkflowCommand.Submit("wf-4", Graphs.chain(2, Graphs.nil()), T0));
        assertThat(nodeCommands.isEmpty()).isTrue();
        assertThat(stored("wf-4")).isNull();
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
        commands.pipeInput("wf-6", new WorkflowCommand.Submit("wf-6", Graphs.chain(1, Graphs.nil()), wallClockStart));
        nodeEvents.pipeInput("wf-6", new NodeEvent.Succeeded("wf-6", 0, 1, "w1", 0, Map.of(), wallClockStart, wallClockStart));
        commands.pipeInput("wf-7", new WorkflowCommand.Submit("wf-7", Graphs.chain(1, Graphs.nil()), wallClockStart));
        workflowState.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(61));

        var records = workflowState.readKeyValuesToList().stream().filter(kv -> kv.key.equals("wf-6")).toList();
        assertThat(records).singleElement().satisfies(kv -> assertThat(kv.value).isNull());
        assertThat(stored("wf-6")).isNull();
        assertThat(stored("wf-7")).as("a running workflow is never purged").isNotNull();
    }

    @Test
    void retryTimerFiresOnTheWallClockAndRedispatchesTheNode() {
        Instant now = wallClockStart;
        Graph graph = Graphs.chain(1, i -> Node.of(i, "n" + i, "nil", null, List.of()).withRetry(new RetryPolicy(2, 5.0, 1.0, 5.0)));
        commands.pipeInput("wf-8", new WorkflowCommand.Submit("wf-8", graph, now));
        nodeEvents.pipeInput("wf-8", new NodeEvent.Failed("wf-8", 0, 1, "w1", 1, "boom", now, now));
        assertThat(nodeCommands.readValuesToList()).extracting(NodeCommand::attempt).containsExactly(1);

        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(nodeCommands.isEmpty()).as("backoff not over").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(4));

        assertThat(nodeCommands.readValuesToList()).extracting(NodeCommand::attempt).containsExactly(2);
        assertThat(keys(ConductorTopology.TIMER_STORE)).as("the next timer is the new attempt's report deadline").hasSize(1);
    }

    @Test
    void graphDeadlineKillsRunningNodesThroughNodeControl() {
        Instant now = wallClockStart;
        commands.pipeInput("wf-9", new WorkflowCommand.Submit("wf-9", Graphs.chain(2, Graphs.nil()).withTimeout(10), now));
        nodeEvents.pipeInput("wf-9", new NodeEvent.Started("wf-9", 0, 1, "w1", now));

        driver.advanceWallClockTime(Duration.ofSeconds(11));

        TestOutputTopic<String, NodeKill> control = driver.createOutputTopic(TOPICS.nodeControl(), new StringDeserializer(),
                JsonSerde.of(NodeKill.class));
        assertThat(control.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("wf-9/0");
            assertThat(kv.value.attempt()).isEqualTo(1);
        });
        Graph timedOut = stored("wf-9");
        assertThat(timedOut.state()).isEqualTo(State.TIMEOUT);
        assertThat(keys(ConductorTopology.TIMER_STORE)).as("only its purge is left").containsExactly(Timers.key(timedOut.stopDate().plus(RETENTION), "wf-9"));
    }

    @Test
    void aRerunTakesBackThePurgeOfAFinishedWorkflowAndItsNewEndSetsANewOne() {
        Instant now = wallClockStart;
        commands.pipeInput("wf-10", new WorkflowCommand.Submit("wf-10", Graphs.chain(1, Graphs.nil()), now));
        nodeEvents.pipeInput("wf-10", new NodeEvent.Failed("wf-10", 0, 1, "w1", 1, "boom", now, now));
        Instant firstStop = stored("wf-10").stopDate();
        assertThat(keys(ConductorTopology.TIMER_STORE)).containsExactly(Timers.key(firstStop.plus(RETENTION), "wf-10"));

        driver.advanceWallClockTime(Duration.ofMinutes(58));
        commands.pipeInput("wf-10", new WorkflowCommand.Rerun("wf-10", wallClockStart.plus(Duration.ofMinutes(58))));
        List<NodeCommand> redispatched = nodeCommands.readValuesToList();
        int attempt = redispatched.get(redispatched.size() - 1).attempt();
        assertThat(keys(ConductorTopology.TIMER_STORE)).as("running again: its report deadline, no purge").singleElement()
                .satisfies(key -> assertThat(key).isNotEqualTo(Timers.key(firstStop.plus(RETENTION), "wf-10")));
        driver.advanceWallClockTime(Duration.ofMinutes(3));
        assertThat(stored("wf-10")).as("not purged an hour after its first end").isNotNull();

        Instant later = wallClockStart.plus(Duration.ofMinutes(61));
        nodeEvents.pipeInput("wf-10", new NodeEvent.Succeeded("wf-10", 0, attempt, "w1", 0, Map.of(), later, later));
        Graph done = stored("wf-10");
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        assertThat(keys(ConductorTopology.TIMER_STORE)).containsExactly(Timers.key(done.stopDate().plus(RETENTION), "wf-10"));
        driver.advanceWallClockTime(Duration.ofMinutes(61));
        assertThat(stored("wf-10")).isNull();
        assertThat(keys(ConductorTopology.TIMER_STORE)).isEmpty();
    }

    /** The keys of one of the conductor's string stores, in store order. */
    private List<String> keys(String storeName) {
        List<String> keys = new java.util.ArrayList<>();
        KeyValueStore<String, String> store = driver.getKeyValueStore(storeName);
        try (var all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private Graph lastState(String id) {
        List<Graph> states = workflowState.readValuesToList();
        assertThat(states).isNotEmpty();
        Graph last = states.get(states.size() - 1);
        assertThat(last.id()).isEqualTo(id);
        return last;
    }

    /** The workflow's document in the conductor's store, or null. */
    private Graph stored(String id) {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ConductorTopology.WORKFLOW_STORE);
        byte[] document = new WorkflowStore(store).document(id);
        return document == null ? null : Json.read(document, Graph.class);
    }

    @Test
    void nodesOfADeclaredPoolGoToThatPoolsTopic() {
        Graph graph = Graphs.fanOutFanIn(1, i -> Node.of(i, "n" + i, "nil", null, List.of()));
        graph = graph.withNodes(List.of(graph.nodes().get(0).withTarget("pool:gpu"), graph.nodes().get(1).withTarget("host-1"),
                graph.nodes().get(2)));
        TestOutputTopic<String, NodeCommand> gpu = driver.createOutputTopic("nc.gpu", new StringDeserializer(), JsonSerde.of(NodeCommand.class));

        commands.pipeInput("wf-10", new WorkflowCommand.Submit("wf-10", graph, T0));
        assertThat(gpu.readValuesToList()).extracting(NodeCommand::nodeId).containsExactly(0);
        nodeEvents.pipeInput("wf-10", new NodeEvent.Succeeded("wf-10", 0, 1, "w1", 0, Map.of(), T0, T0));

        assertThat(nodeCommands.readValuesToList()).extracting(NodeCommand::nodeId).containsExactly(1);
        assertThat(gpu.isEmpty()).isTrue();
    }
}
