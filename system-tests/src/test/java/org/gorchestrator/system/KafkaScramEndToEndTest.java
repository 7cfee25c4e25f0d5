package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.ScramKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every client of every role (API, conductor, worker) through {@code spring.kafka.*} SASL settings, on a broker that demands SCRAM. */
class KafkaScramEndToEndTest {
    private static final String USER = "gorch";
    private static final String PASSWORD = "gorch-scram-secret";

    @TempDir
    Path dir;

    @Test
    void aWorkflowRunsOverScramAndAClientWithAWrongPasswordIsRefused() throws Exception {
        try (ScramKafkaBroker broker = ScramKafkaBroker.start(dir.resolve("kafka"), Map.of(USER, PASSWORD));
                Gorch gorch = new Gorch(new GorchSystem(dir.resolve("data"), broker.springSettings(USER, PASSWORD))).all("scram-worker")) {
            Graph graph = Graph.sparse("over scram", List.of(List.of(0, 1)), List.of(
                    Node.of(0, "hello", "shell", "echo", List.of("greeting=hello")).withOutput(Map.of("greeting", "")),
                    Node.of(1, "after", "nil", null, List.of())));

            Graph done = gorch.awaitFinished(gorch.submit(Json.writeString(graph)), Duration.ofSeconds(90));

            assertThat(done.state()).as("graph %s", done).isEqualTo(State.SUCCESS);
            assertThat(done.nodes().get(0).output()).containsEntry("greeting", "hello");
            try (Admin intruder = Admin.create(broker.clientSettings(USER, "wrong-password"))) {
                assertThatThrownBy(() -> intruder.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }
}
