package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.gorchestrator.engine.EngineSettings;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory states are only a shortcut: evicting them at every step must not change what the conductor does. */
class LiveStatesTopologyTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of());
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> WORKFLOWS = List.of("wf-a", "wf-b", "wf-c");

    @TempDir
    Path stateDir;

    @Test
    void interleavedWorkflowsRunTheSameWithoutTheCacheWithOneWorkflowsWorthAndWithTheDefault() {
        Run uncached = run(0);
        assertThat(uncached.finals()).extracting(Graph::state).containsOnly(State.SUCCESS).hasSize(WORKFLOWS.size());
        assertThat(uncached.dispatched()).hasSize(8 * WORKFLOWS.size()).doesNotHaveDuplicates();
        assertThat(run(8)).as("room for one seed graph: every other event evicts").isEqualTo(uncached);
        assertThat(run(ConductorSettings.DEFAULTS.liveStateNodes())).isEqualTo(uncached);
    }

    /** What was dispatched, and each workflow's last published document: the store's parts put together. */
    private record Run(List<String> dispatched, List<Graph> finals) {}

    private Run run(int liveStateNodes) {
        ConductorSettings settings = new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250), Duration.ofHours(1), liveStateNodes,
                ConductorSettings.DEFAULTS.publishInterval());
        Properties config = DriverConfig.atLeastOnce("live-states-test", stateDir.resolve("budget-" + liveStateNodes));
        ConductorTopology topology = new ConductorTopology(TOPICS, settings, ConductorMetrics.NONE, RecordTracing.PASS_THROUGH);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.build(), config, T0)) {
            TestInputTopic<String, WorkflowCommand> commands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(),
                    JsonSerde.of(WorkflowCommand.class));
            TestInputTopic<String, NodeEvent> events = driver.createInputTopic(TOPICS.nodeEvents(), new StringSerializer(),
                    JsonSerde.of(NodeEvent.class));
            TestOutputTopic<String, NodeCommand> nodeCommands = driver.createOutputTopic(TOPICS.nodeCommands(), new StringDeserializer(),
                    JsonSerde.of(NodeCommand.class));
            TestOutputTopic<String, Graph> states = driver.createOutputTopic(TOPICS.workflowState(), new StringDeserializer(),
                    JsonSerde.of(Graph.class));
            WORKFLOWS.forEach(id -> commands.pipeInput(id, new WorkflowCommand.Submit(id, Graphs.seedExampleWith("nil"), T0)));
            List<String> dispatched = new ArrayList<>();
            for (List<NodeCommand> ready = nodeCommands.readValuesToList(); !ready.isEmpty(); ready = nodeCommands.readValuesToList()) {
                for (NodeCommand command : ready) {
                    dispatched.add(command.key() + "#" + command.attempt());
                    String id = command.workflowId();
                    events.pipeInput(id, new NodeEvent.Started(id, command.nodeId(), command.attempt(), "w1", T0));
                    // A duplicate report, as a worker that died after sending it would cause: it must change nothing.
                    events.pipeInput(id, new NodeEvent.Started(id, command.nodeId(), command.attempt(), "w1", T0));
                    events.pipeInput(id, new NodeEvent.Succeeded(id, command.nodeId(), command.attempt(), "w1", 0, Map.of(), T0, T0));
                }
            }
            Map<String, Graph> last = states.readKeyValuesToMap();
            return new Run(dispatched, WORKFLOWS.stream().map(last::get).toList());
        }
    }
}
