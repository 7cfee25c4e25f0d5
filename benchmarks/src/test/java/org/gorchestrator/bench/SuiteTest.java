package org.gorchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.gorchestrator.bench.ParseBenchmark.Form;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.validation.GraphValidator;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the quick mode's code path, in this JVM and on tiny sizes: proves it works, measures nothing. */
class SuiteTest {
    private static final Plan TINY = new Plan(0, 0, 1, TimeValue.milliseconds(20), List.of(10, 30), List.of(10), List.of(10), List.of(20), 2_000);

    @Test
    void tinyPlanFillsEveryTable() throws Exception {
        Report report = new Suite(TINY).run();

        assertThat(report.scaling()).extracting(Report.Scaling::shape, Report.Scaling::nodes).containsExactly(
                tuple(Shape.CHAIN, 10), tuple(Shape.CHAIN, 30),
                tuple(Shape.FAN, 10), tuple(Shape.FAN, 30),
                tuple(Shape.RANDOM, 10), tuple(Shape.RANDOM, 30));
        assertThat(report.scaling()).filteredOn(s -> s.shape() == Shape.CHAIN).extracting(Report.Scaling::edges).containsExactly(9, 29);
        assertThat(report.parse()).extracting(Report.Parse::form).containsExactly(Form.DIGRAPH, Form.EDGES);
        assertThat(report.roundTrips()).extracting(Report.RoundTrip::nodes).containsExactly(10);
        assertThat(report.footprint()).extracting(Report.Footprint::nodes, Report.Footprint::copies).containsExactly(
                tuple(8, 250), tuple(20, 100));
        assertThat(report.toMarkdown())
                .contains("| pure engine |")
                .contains("| random | 30 |")
                .contains("| digraph | 10 |")
                .contains("| random DAG half way | 10 |")
                .contains("| seed example | 8 |");
    }

    @Test
    void parseDocumentsCarryTheSameEdgesInBothForms() {
        Graph dense = Json.read(ParseBenchmark.document(Form.DIGRAPH, 50), Graph.class);
        Graph sparse = Json.read(ParseBenchmark.document(Form.EDGES, 50), Graph.class);
        GraphValidator validator = new GraphValidator(ParseBenchmark.limitsFor(50));

        assertThat(dense.digraph()).hasSize(50 * 50);
        assertThat(sparse.digraph()).isNull();
        assertThat(validator.check(dense).pairs()).isEqualTo(validator.check(sparse).pairs());
    }

    @Test
    void limitsAreRaisedForLargeGraphsOnly() {
        assertThat(ParseBenchmark.limitsFor(100).maxNodes()).isEqualTo(1_000);
        assertThat(ParseBenchmark.limitsFor(100_000).maxNodes()).isEqualTo(100_000);
        assertThat(ParseBenchmark.limitsFor(100_000).maxEdges()).isEqualTo(300_000);
    }
}
