package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Work spreads over every worker of the group, and a conductor that stops mid-run hands over without losing or
 * repeating a node, and keeps the deadlines of the workflows it had.
 */
@ExtendWith(KafkaBroker.class)
class ScalingAndRecoveryTest {
    @TempDir
    Path dataDir;

    @Test
    void twoWorkersBothReceiveWork() {
        try (Gorch gorch = new Gorch(dataDir).all("worker-a")) {
            gorch.worker("worker-b");
            gorch.awaitWorkers(2);
            Graph wide = Graphs.fanOutFanIn(60, i -> Node.of(i, "n" + i, "sleep", null, List.of("50ms")));

            Graph done = awaitSuccess(gorch, gorch.submit(Json.writeString(wide)));

            assertThat(done.nodes()).extracting(Node::worker).contains("worker-a", "worker-b");
            assertThat(done.nodes()).allSatisfy(node -> assertThat(node.attempt()).isEqualTo(1));
        }
    }

    @Test
    void restartedConductorResumesInFlightWorkflows() {
        try (Gorch gorch = new Gorch(dataDir).apiAndWorker("worker-r")) {
            ConfigurableApplicationContext conductor = gorch.conductor();
            Graph chain = Graphs.chain(3, i -> Node.of(i, "step" + i, "sleep", null, List.of("1500ms")));
            String id = gorch.submit(Json.writeString(chain));
            await().atMost(Duration.ofSeconds(30)).until(() -> gorch.get(id).nodes().get(0).state() == State.RUNNING);

            conductor.close();
            // The first node finishes while no conductor runs: its report waits in Kafka.
            sleep(Duration.ofSeconds(2));
            gorch.conductor();

            Graph done = awaitSuccess(gorch, id);
            assertThat(done.nodes()).allSatisfy(node -> {
                assertThat(node.state()).isEqualTo(State.SUCCESS);
                assertThat(node.attempt()).as("node %s dispatched once", node.name()).isEqualTo(1);
            });
        }
    }

    @Test
    void restartedConductorStillEnforcesTheDeadlinesOfItsWorkflows() {
        try (Gorch gorch = new Gorch(dataDir).apiAndWorker("worker-t")) {
            ConfigurableApplicationContext conductor = gorch.conductor();
            String before = gorch.submit(sleeping("before", 8, "300s"));
            await().atMost(Duration.ofSeconds(30)).until(() -> gorch.get(before).nodes().get(0).state() == State.RUNNING);

            // Restarted with the deadline's timer pending in its store.
            conductor.close();
            gorch.conductor();
            String after = gorch.submit(sleeping("after", 3, "12s"));

            assertThat(gorch.awaitFinished(before, Duration.ofSeconds(60)).state()).isEqualTo(State.TIMEOUT);
            assertThat(gorch.awaitFinished(after, Duration.ofSeconds(30)).state()).isEqualTo(State.TIMEOUT);
        }
    }

    private static String sleeping(String name, int timeoutSeconds, String sleep) {
        return """
                {"name": "%s", "timeout": %d, "digraph": [0],
                 "nodes": [{"id": 0, "name": "s", "engine": "sleep", "args": ["%s"]}]}""".formatted(name, timeoutSeconds, sleep);
    }

    private static Graph awaitSuccess(Gorch gorch, String id) {
        Graph done = gorch.awaitFinished(id, Duration.ofSeconds(90));
        assertThat(done.state()).as("graph %s", done).isEqualTo(State.SUCCESS);
        return done;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
