package org.gorchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
    void throughTheStoreARunEndsAsInMemory() {
        EngineDriver driver = new EngineDriver();
        Graph graph = Shape.RANDOM.build(50);

        assertThat(driver.runThroughStore(graph)).isEqualTo(driver.run(graph));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyShapeHasTheAskedSizeAndRunsToSuccess(Shape shape) {
        Graph graph = shape.build(100);

        assertThat(graph.nodes()).hasSize(100);
        assertThat(new EngineDriver().run(graph)).isEqualTo(new EngineDriver.Outcome(State.SUCCESS, 100, 101));
    }
}
