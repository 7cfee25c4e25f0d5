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
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A node for pool P runs only on a worker that serves P; with none, it waits visibly and follows its timeout. */
@ExtendWith(KafkaBroker.class)
class WorkerPoolsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void poolNodesRunOnlyOnTheirPoolAndWaitVisiblyWhenItHasNoWorker() {
        try (Gorch gorch = new Gorch(dir, "gorch.kafka.pools=gpu,arm", "gorch.conductor.report-grace=2s").all("default-worker")) {
            gorch.worker("gpu-worker", "gorch.worker.pools=gpu");
            Graph graph = Graph.sparse("pools", List.of(), List.of(
                    Node.of(0, "on-gpu", "nil", null, List.of()).withTarget("pool:gpu"),
                    Node.of(1, "anywhere", "nil", null, List.of()),
                    Node.of(2, "on-arm", "nil", null, List.of()).withTarget("pool:arm").withTimeout(3)));
            String id = gorch.submit(Json.writeString(graph));

            await().atMost(Duration.ofSeconds(60)).until(() -> gorch.get(id).nodes().get(0).state() == State.SUCCESS);
            Node waiting = gorch.get(id).nodes().get(2);
            assertThat(waiting.state()).as("dispatched, no worker has started it").isEqualTo(State.TORUN);
            assertThat(waiting.attempt()).isEqualTo(1);
            assertThat(waiting.deadline()).isNotNull();

            Graph done = gorch.awaitFinished(id, Duration.ofSeconds(90));
            assertThat(done.nodes().get(0).worker()).isEqualTo("gpu-worker");
            assertThat(done.nodes().get(1).worker()).isEqualTo("default-worker");
            assertThat(done.nodes().get(2).state()).isEqualTo(State.TIMEOUT);
            // Raw HTTP: the status of the refusal is what this checks.
            assertThat(gorch.post(Json.writeString(Graph.sparse("bad pool", List.of(),
                    List.of(Node.of(0, "x", "nil", null, List.of()).withTarget("pool:nope"))))).statusCode()).isEqualTo(400);
        }
    }
}
