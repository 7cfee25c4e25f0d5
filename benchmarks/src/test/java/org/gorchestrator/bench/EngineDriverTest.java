package org.gorchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.gorchestrator.engine.EngineDriver;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineDriverTest {

    @Test
    void seedGraphRunsEveryNodeOnceToSuccess() {
        EngineDriver.Outcome outcome = new EngineDriver().run(Graphs.seedExampleWith("nil"));

        assertThat(outcome).isEqualTo(new EngineDriver.Outcome(State.SUCCESS, 8, 9));
    }

    @Test
    void theSameGraphCanBeRunAgainAndAgain() {
        EngineDriver driver = new EngineDriver();
        Graph seed = Graphs.seedExampleWith("nil");

        assertThat(driver.run(seed)).isEqualTo(driver.run(seed));
    }

    @Test
    void aRunStoppedHalfWayHasNodesLeftInFlight() {
        EngineDriver.Midway midway = new EngineDriver().runUntil(Shape.CHAIN.build(10), 4);

        assertThat(midway.state().state()).isEqualTo(State.RUNNING);
        assertThat(midway.inFlight()).extracting(NodeCommand::nodeId).containsExactly(4);
        assertThat(midway.state().node(3).state()).isEqualTo(State.SUCCESS);
        assertThat(midway.state().node(5).state()).isEqualTo(State.TORUN);
    }

    @Test
    void theStoreRoundTripDecidesItsEvent() {
        StoreRoundTripBenchmark benchmark = new StoreRoundTripBenchmark();
        benchmark.nodes = 10;
        benchmark.setUp();

        Graph after = Json.read(benchmark.event(), Graph.class);

        assertThat(after.nodes()).filteredOn(n -> n.state() == State.SUCCESS).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyShapeHasTheAskedSizeAndRunsToSuccess(Shape shape) {
        Graph graph = shape.build(100);

        assertThat(graph.nodes()).hasSize(100);
        assertThat(new EngineDriver().run(graph)).isEqualTo(new EngineDriver.Outcome(State.SUCCESS, 100, 101));
    }
}
