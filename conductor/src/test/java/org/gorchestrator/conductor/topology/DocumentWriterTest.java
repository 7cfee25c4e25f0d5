package org.gorchestrator.conductor.topology;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.engine.EngineSettings;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.Graphs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer's document, and the parts it stores put together, are the plain serialization's, through
 * every kind of change a run makes; a writer loaded from the stored parts stores nothing again. The store
 * here keeps what the workflow store keeps: a record under the id (the whole document, or the header) and
 * the nodes' own records, each of which overrides its node of that document.
 */
class DocumentWriterTest {
    private static final DagEngine ENGINE = new DagEngine(EngineSettings.DEFAULTS);
    private static final String ID = "wf-doc";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void writesExactlyWhatSerializingTheWholeDocumentWrites(long seed) {
        Random random = new Random(seed);
        Graph graph = Graphs.randomDag(40, 3, seed, Graphs.shell("/bin/true")).withId(ID);
        Run run = new Run(random);
        run.apply(new WorkflowCommand.Submit(ID, graph, run.tick()));
        while (!run.dispatched.isEmpty()) {
            NodeCommand command = random.nextBoolean() ? run.dispatched.pollFirst() : run.dispatched.pollLast();
            run.apply(new NodeEvent.Started(ID, command.nodeId(), command.attempt(), "w1", run.tick()));
            run.apply(run.outcome(command));
            if (run.state.isFinished() && run.reruns++ < 2) {
                run.apply(new WorkflowCommand.Rerun(ID, run.tick()));
            }
        }
        assertThat(run.documents).as("documents compared").isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 1_000})
    void writesCancelledAndOneNodeAndWideDocumentsAlike(int width) {
        Run run = new Run(new Random(width));
        run.apply(new WorkflowCommand.Submit(ID, Graphs.fanOutFanIn(width, Graphs.nil()).withId(ID), run.tick()));
        NodeCommand root = run.dispatched.pollFirst();
        run.apply(new NodeEvent.Succeeded(ID, root.nodeId(), root.attempt(), "w1", 0, Map.of("k", "v\"\u00e9"), run.tick(), run.tick()));
        run.apply(new WorkflowCommand.Cancel(ID, "test", run.tick()));
        assertThat(run.state.isFinished()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 1_001})
    void aWorkflowOfUpToAThousandNodesIsStoredWholeFirstOneInPartsHeaderAndNodes(int length) {
        Run run = new Run(new Random(length));
        run.apply(new WorkflowCommand.Submit(ID, Graphs.chain(length, Graphs.nil()).withId(ID), run.tick()));
        if (length <= 1_000) {
            assertThat(run.stored.nodes).as("no node of its own").isEmpty();
            assertThat(Json.read(run.stored.header, Graph.class).nodes()).hasSize(length);
        } else {
            assertThat(run.stored.nodes).hasSize(length);
            assertThat(Json.read(run.stored.header, Graph.class).nodes()).isEmpty();
        }
        byte[] header = run.stored.header;

        NodeCommand first = run.dispatched.pollFirst();
        run.apply(new NodeEvent.Started(ID, first.nodeId(), first.attempt(), "w1", run.tick()));
        assertThat(run.stored.header).as("the header did not change").isSameAs(header);
        assertThat(run.stored.nodes).containsKey(0).hasSize(length <= 1_000 ? 1 : length);
    }

    /** Feeds the engine and, after every change, compares the writer with a plain serialization. */
    private static final class Run {
        private final Random random;
        private final Deque<NodeCommand> dispatched = new ArrayDeque<>();
        private WorkflowState state;
        private DocumentWriter writer;
        private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
        private final Store stored = new Store();
        private int documents;
        private int reruns;

        Run(Random random) {
            this.random = random;
        }

        Instant tick() {
            clock = clock.plusMillis(1 + random.nextInt(1_000));
            return clock;
        }

        NodeEvent outcome(NodeCommand command) {
            Instant at = tick();
            if (random.nextInt(5) == 0) {
                return new NodeEvent.Failed(ID, command.nodeId(), command.attempt(), "w1", 1, "exit 1", at, at);
            }
            Map<String, String> outputs = random.nextBoolean() ? Map.of() : Map.of("out", "n" + command.nodeId());
            return new NodeEvent.Succeeded(ID, command.nodeId(), command.attempt(), "w1", 0, outputs, at, at);
        }

        void apply(EngineInput input) {
            Decision decision = ENGINE.decide(state, input);
            state = decision.state();
            dispatched.addAll(decision.commands());
            if (writer == null || writer.state() != state) {
                writer = new DocumentWriter(state);
            }
            byte[] whole = Json.write(state.toGraph());
            assertThat(writer.size()).as("the size the conductor checks before it stores").isEqualTo(whole.length);
            writer.storeChanges(stored);
            String expected = new String(whole, UTF_8);
            assertThat(new String(writer.document(), UTF_8)).isEqualTo(expected);
            assertThat(stored.document()).as("the stored parts put together").isEqualTo(Json.mapper().readTree(whole));
            DocumentWriter loaded = new DocumentWriter(state, stored.header, stored.ownRecords(state.size()));
            assertThat(loaded.size()).as("the size of a writer just loaded from the store").isEqualTo(whole.length);
            loaded.storeChanges(stored.expectingNothing());
            documents++;
        }
    }

    /** The parts a writer stored, as the workflow store keeps them. */
    private static final class Store implements DocumentWriter.Changes {
        private final SortedMap<Integer, byte[]> nodes = new TreeMap<>();
        private byte[] header;

        @Override
        public void header(byte[] json) {
            header = json;
        }

        @Override
        public void node(int index, byte[] json) {
            nodes.put(index, json);
        }

        /** The document under the workflow's id, each node with a record of its own put in its place. */
        JsonNode document() {
            ObjectNode document = (ObjectNode) Json.mapper().readTree(header);
            ArrayNode array = (ArrayNode) document.get("nodes");
            nodes.forEach((index, json) -> {
                if (index < array.size()) {
                    array.set(index, Json.mapper().readTree(json));
                } else {
                    array.insert(index, Json.mapper().readTree(json));
                }
            });
            return document;
        }

        /** Each node's own record, by index, null where the header holds the node. */
        byte[][] ownRecords(int size) {
            byte[][] own = new byte[size][];
            nodes.forEach((index, json) -> own[index] = json);
            return own;
        }

        /** A writer loaded from these parts has nothing to store. */
        DocumentWriter.Changes expectingNothing() {
            return new DocumentWriter.Changes() {
                @Override
                public void header(byte[] json) {
                    throw new AssertionError("header stored again though it did not change");
                }

                @Override
                public void node(int index, byte[] json) {
                    throw new AssertionError("node " + index + " stored again though it did not change");
                }
            };
        }
    }
}
