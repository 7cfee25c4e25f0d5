package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.EngineSettings;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class LiveStatesTest {
    private static final DagEngine ENGINE = new DagEngine(EngineSettings.DEFAULTS);

    @Test
    void keepsRunningWorkflowsUntilTheirNodesExceedTheBudgetThenDropsTheLeastRecentlyUsed() {
        LiveStates live = new LiveStates(20);
        DocumentWriter a = running("a", 8);
        live.keep("a", a);
        live.keep("b", running("b", 8));
        assertThat(live.get("a")).isSameAs(a); // a is now the most recently used
        live.keep("c", running("c", 8));
        assertThat(live.get("b")).as("least recently used, evicted").isNull();
        assertThat(live.get("a")).isSameAs(a);
        assertThat(live.get("c")).isNotNull();
    }

    @Test
    void neverKeepsAFinishedWorkflowNorOneLargerThanTheBudget() {
        LiveStates live = new LiveStates(10);
        live.keep("big", running("big", 11));
        assertThat(live.get("big")).isNull();
        DocumentWriter small = running("small", 2);
        live.keep("small", small);
        assertThat(live.get("small")).isSameAs(small);
        ENGINE.decide(small.state(), new WorkflowCommand.Cancel("small", "test", Instant.now()));
        assertThat(small.state().isFinished()).isTrue();
        live.keep("small", small);
        assertThat(live.get("small")).as("dropped once finished").isNull();
    }

    @Test
    void anotherWriterForTheSameWorkflowReplacesTheKeptOneAndItsShareOfTheBudget() {
        LiveStates live = new LiveStates(6);
        live.keep("a", running("a", 3));
        DocumentWriter reloaded = running("a", 3);
        live.keep("a", reloaded);
        live.keep("b", running("b", 3));
        assertThat(live.get("a")).as("counted once: a and b fit").isSameAs(reloaded);
        assertThat(live.get("b")).isNotNull();
    }

    @Test
    void aZeroBudgetKeepsNothingAndClearForgetsEverything() {
        LiveStates none = new LiveStates(0);
        none.keep("a", running("a", 1));
        assertThat(none.get("a")).isNull();
        LiveStates live = new LiveStates(100);
        live.keep("a", running("a", 3));
        live.clear();
        assertThat(live.get("a")).isNull();
        live.keep("b", running("b", 100));
        assertThat(live.get("b")).as("the budget is free again after clear").isNotNull();
    }

    private static DocumentWriter running(String id, int nodes) {
        return new DocumentWriter(ENGINE.decide(null, new WorkflowCommand.Submit(id, Graphs.chain(nodes, Graphs.nil()).withId(id), Instant.now())).state());
    }
}
