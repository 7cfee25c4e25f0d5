package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's promise: the runnable example reaches success, failures stop only what depends on them, cycles are refused. */
@ExtendWith(KafkaBroker.class)
class PipelineEndToEndTest {
    @TempDir
    static Path dataDir;
    static Gorch gorch;

    @BeforeAll
    static void start() {
        gorch = new Gorch(dataDir).all("worker-1");
    }

    @AfterAll
    static void stop() {
        gorch.close();
    }

    @Test
    void runnableSeedExampleReachesSuccessAndPassesOutputsBetweenNodes() {
        String id = gorch.submit(Gorch.example("seed-runnable.json"));

        Graph done = gorch.awaitFinished(id, Duration.ofSeconds(60));

        assertThat(done.state()).as("graph %s", done).isEqualTo(State.SUCCESS);
        Map<String, Node> nodes = byName(done);
        assertThat(nodes.values()).allSatisfy(node -> {
            assertThat(node.state()).isEqualTo(State.SUCCESS);
            assertThat(node.attempt()).isEqualTo(1);
            assertThat(node.startDate()).isNotNull();
            assertThat(node.stopDate()).isNotNull();
        });
        assertThat(nodes.get("d").output()).containsEntry("ip_address", "10.0.0.7").containsEntry("network", "10.0.0.0/24");
        assertThat(nodes.get("c").output()).containsEntry("my_ip", "10.0.0.7");
        assertThat(nodes.get("c").startDate()).isAfterOrEqualTo(nodes.get("d").stopDate());
        assertThat(done.startDate()).isNotNull();
        assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
    }

    @Test
    void failingNodeStopsItsSuccessorsWhileAnIndependentBranchSucceeds() {
        String id = gorch.submit(Gorch.example("failing.json"));

        Graph done = gorch.awaitFinished(id, Duration.ofSeconds(60));

        assertThat(done.state()).isEqualTo(State.FAILURE);
        Map<String, Node> nodes = byName(done);
        assertThat(nodes.get("prepare").state()).isEqualTo(State.SUCCESS);
        assertThat(nodes.get("break").state()).isEqualTo(State.FAILURE);
        assertThat(nodes.get("break").exitCode()).isEqualTo(3);
        assertThat(nodes.get("never").state()).isEqualTo(State.NOTRUNNABLE);
        assertThat(nodes.get("never").startDate()).isNull();
        assertThat(nodes.get("other").state()).isEqualTo(State.SUCCESS);
        assertThat(nodes.get("other-next").state()).isEqualTo(State.SUCCESS);
    }

    @Test
    void cycleIsRefusedWith400NamingItsNodes() {
        // Raw HTTP: the status, the Content-Type and the body of the refusal are what this checks.
        HttpResponse<String> response = gorch.post(Gorch.example("cycle.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).contains("cycle").containsPattern("a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c");
    }

    @Test
    void metricsAndProbesDescribeTheRun() {
        Graph done = gorch.awaitFinished(gorch.submit(Gorch.example("failing.json")), Duration.ofSeconds(60));
        assertThat(done.state()).isEqualTo(State.FAILURE);

        String metrics = gorch.getPath("/actuator/prometheus").body();

        assertThat(metricValue(metrics, "gorch_workflows_submitted_total")).isPositive();
        assertThat(metricValue(metrics, "gorch_workflows_finished_total{state=\"failure\"}")).isPositive();
        assertThat(metricValue(metrics, "gorch_node_duration_seconds_count{engine=\"shell\",outcome=\"success\"}")).isPositive();
        assertThat(metricValue(metrics, "gorch_node_handoff_seconds_count")).isPositive();
        assertThat(gorch.getPath("/actuator/health/readiness").body()).contains("\"status\":\"UP\"").contains("conductorStreams");
        assertThat(gorch.getPath("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    /** The value of the first sample whose name and labels start with {@code series}. */
    private static double metricValue(String exposition, String series) {
        String prefix = series.endsWith("}") ? series.substring(0, series.length() - 1) : series;
        return exposition.lines()
                .filter(line -> line.startsWith(prefix) && !line.startsWith("#"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static Map<String, Node> byName(Graph graph) {
        return graph.nodes().stream().collect(Collectors.toMap(Node::name, Function.identity()));
    }
}
