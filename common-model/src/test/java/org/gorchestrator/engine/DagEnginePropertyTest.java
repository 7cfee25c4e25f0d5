package org.gorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random DAGs run by a simulated executor that finishes dispatched nodes in random order, fails
 * some, repeats old reports, sends stale ones and now and then restores the workflow from its
 * stored form, as a conductor restarting would. Each seed is one reproducible run: a failure
 * names its seed, and rerunning that seed replays it exactly.
 */
class DagEnginePropertyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRandomRunKeepsTheEngineRules(long seed) {
        new Simulation(seed).run();
    }

    private static final class Simulation {
        private final Random random;
        private final int n;
        private final List<List<Integer>> successors = new ArrayList<>();
        private final List<List<Integer>> predecessors = new ArrayList<>();
        private final double failRate;
        private final EngineDriver driver = new EngineDriver();

        private final List<NodeCommand> inFlight = new ArrayList<>();
        private final List<NodeEvent> delivered = new ArrayList<>();
        private final boolean[] startedSent;
        private final boolean[] succeeded;
        private final boolean[] failed;
        private final int[] dispatches;

        Simulation(long seed) {
            random = new Random(seed);
            n = 1 + random.nextInt(200);
            // Mostly sparse graphs, sometimes dense ones.
            double density = random.nextInt(4) == 0 ? random.nextDouble() * 0.5 : random.nextDouble() * 3.0 / n;
            failRate = seed % 3 == 0 ? 0 : random.nextDouble() * 0.2;
            startedSent = new boolean[n];
            succeeded = new boolean[n];
            failed = new boolean[n];
            dispatches = new int[n];
            for (int i = 0; i < n; i++) {
                successors.add(new ArrayList<>());
                predecessors.add(new ArrayList<>());
            }
            List<List<Integer>> edges = new ArrayList<>();
            for (int j = 1; j < n; j++) {
                for (int i = 0; i < j; i++) {
                    if (random.nextDouble() < density) {
                        successors.get(i).add(j);
                        predecessors.get(j).add(i);
                        edges.add(List.of(i, j));
                        if (random.nextInt(20) == 0) {
                            edges.add(List.of(i, j)); // a repeated pair must count once
                        }
                    }
                }
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                nodes.add(Node.of(i, "n" + i, "nil", null, List.of()));
            }
            Graph graph = Graph.sparse("random", edges, nodes);
            if (random.nextBoolean()) {
                Integer[] matrix = new Integer[n * n];
                Arrays.fill(matrix, 0);
                edges.forEach(e -> matrix[e.get(0) * n + e.get(1)]++);
                graph = graph.withEdges(Arrays.asList(matrix), null);
            }
            driver.submit(graph).commands().forEach(this::onDispatch);
        }

        void run() {
            int steps = 0;
            int limit = 30 * n + 100;
            while (!inFlight.isEmpty()) {
                assertThat(steps++).as("the run terminates").isLessThan(limit);
                assertThat(driver.state.state()).as("the graph runs while nodes are in flight").isEqualTo(State.RUNNING);
                double r = random.nextDouble();
                if (r < 0.10 && !delivered.isEmpty()) {
                    ignored(delivered.get(random.nextInt(delivered.size())));
                } else if (r < 0.15) {
                    ignored(staleEvent());
                } else if (r < 0.17) {
                    restore();
                } else {
                    progress(inFlight.get(random.nextInt(inFlight.size())));
                }
            }
            checkEnd();
        }

        /** The next step of one dispatched node: maybe its Started, else its end. */
        private void progress(NodeCommand command) {
            int id = command.nodeId();
            if (!startedSent[id] && random.nextBoolean()) {
                startedSent[id] = true;
                deliver(driver.startedEvent(id, command.attempt()));
                return;
            }
            inFlight.remove(command);
            if (random.nextDouble() < failRate) {
                failed[id] = true;
                deliver(driver.failedEvent(id, command.attempt()));
            } else {
                succeeded[id] = true;
                deliver(driver.succeededEvent(id, command.attempt(), Map.of()));
            }
            if (!startedSent[id] && random.nextInt(5) == 0) {
                startedSent[id] = true;
                ignored(driver.startedEvent(id, command.attempt())); // a Started that arrives late
            }
        }

        private void deliver(NodeEvent event) {
            delivered.add(event);
            Decision decision = applyTracked(event);
            assertThat(decision.changed()).as("%s is applied", event).isTrue();
            decision.commands().forEach(this::onDispatch);
        }

        private void ignored(NodeEvent event) {
            Graph before = driver.state.toGraph();
            Decision decision = applyTracked(event);
            assertThat(decision.changed()).as("%s is ignored", event).isFalse();
            assertThat(decision.commands()).isEmpty();
            assertThat(driver.state.toGraph()).isEqualTo(before);
        }

        /**
         * Applies {@code event} and checks what the state keeps incrementally against a walk of every node: the nodes
         * it says changed are exactly those whose document node was replaced, and its next wake-up is the earliest
         * deadline or retry time of any node, or the graph's own deadline.
         */
        private Decision applyTracked(NodeEvent event) {
            WorkflowState state = driver.state;
            state.drainChangedNodes(id -> { });
            Node[] before = new Node[n];
            for (int i = 0; i < n; i++) {
                before[i] = state.node(i);
            }
            Decision decision = driver.apply(event);
            Set<Integer> said = new HashSet<>();
            state.drainChangedNodes(said::add);
            Set<Integer> replaced = new HashSet<>();
            Instant earliest = state.isFinished() ? null : state.deadline();
            for (int i = 0; i < n; i++) {
                if (state.node(i) != before[i]) {
                    replaced.add(i);
                }
                for (Instant due : Arrays.asList(state.run(i).deadline(), state.run(i).retryAt())) {
                    if (!state.isFinished() && due != null && (earliest == null || due.isBefore(earliest))) {
                        earliest = due;
                    }
                }
            }
            assertThat(said).as("the nodes changed by %s", event).isEqualTo(replaced);
            assertThat(state.nextWakeUp()).as("the next wake-up after %s", event).isEqualTo(earliest);
            return decision;
        }

        /** A report for an attempt that never ran, a node that does not exist, or a node not dispatched yet. */
        private NodeEvent staleEvent() {
            int kind = random.nextInt(3);
            if (kind == 0) {
                return driver.succeededEvent(random.nextInt(n), 2, Map.of());
            }
            if (kind == 1) {
                return driver.failedEvent(n + random.nextInt(5), 1);
            }
            for (int i = 0; i < n; i++) {
                if (dispatches[i] == 0) {
                    return driver.succeededEvent(i, 1, Map.of());
                }
            }
            return driver.startedEvent(random.nextInt(n), 3);
        }

        /** Replaces the live state with one rebuilt from its stored form, as after a restart. */
        private void restore() {
            WorkflowState live = driver.state;
            Graph stored = live.toGraph();
            boolean throughJson = random.nextInt(4) == 0;
            WorkflowState restored = WorkflowState.of(throughJson ? Json.read(Json.write(stored), Graph.class) : stored);
            assertThat(restored.unfinished()).isEqualTo(live.unfinished());
            for (int i = 0; i < n; i++) {
                assertThat(restored.pending(i)).as("pending of node %d", i).isEqualTo(live.pending(i));
            }
            assertThat(restored.toGraph()).isEqualTo(stored);
            driver.state = restored;
        }

        private void onDispatch(NodeCommand command) {
            int id = command.nodeId();
            assertThat(command.attempt()).as("attempt of node %d", id).isEqualTo(1);
            assertThat(dispatches[id]++).as("node %d dispatched at most once", id).isZero();
            for (int p : predecessors.get(id)) {
                assertThat(succeeded[p]).as("node %d dispatched after its predecessor %d succeeded", id, p).isTrue();
            }
            inFlight.add(command);
        }

        private void checkEnd() {
            boolean[] downstreamOfFailure = new boolean[n];
            Deque<Integer> todo = new ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                if (failed[i]) {
                    todo.push(i);
                }
            }
            while (!todo.isEmpty()) {
                for (int next : successors.get(todo.pop())) {
                    if (!downstreamOfFailure[next]) {
                        downstreamOfFailure[next] = true;
                        todo.push(next);
                    }
                }
            }
            boolean anyFailed = false;
            for (int i = 0; i < n; i++) {
                State state = driver.state.node(i).state();
                if (failed[i]) {
                    anyFailed = true;
                    assertThat(state).as("node %d", i).isEqualTo(State.FAILURE);
                } else if (downstreamOfFailure[i]) {
                    assertThat(state).as("node %d", i).isEqualTo(State.NOTRUNNABLE);
                    assertThat(dispatches[i]).as("dispatches of node %d", i).isZero();
                } else {
                    assertThat(state).as("node %d", i).isEqualTo(State.SUCCESS);
                    assertThat(dispatches[i]).as("dispatches of node %d", i).isEqualTo(1);
                }
            }
            if (failRate == 0) {
                assertThat(anyFailed).isFalse();
            }
            assertThat(driver.state.state()).isEqualTo(anyFailed ? State.FAILURE : State.SUCCESS);
            assertThat(driver.state.stopDate()).isNotNull();
            assertThat(EventReplay.replay(driver.events)).as("the events replayed").isEqualTo(driver.state.toGraph());
        }
    }
}
