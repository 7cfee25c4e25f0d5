package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.EngineSettings;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class LiveStatesTest {
    private static final DagEngine ENGINE = new DagEngine(EngineSettings.DEFAULTS);

    @Test
    void keepsRunningWorkflowsUntilTheirNodesExceedTheBudgetThenDropsTheLeastRecentlyUsed() {
        LiveStates live = new LiveStates(20);
        WorkflowState a = running("a", 8);
        WorkflowState b = running("b", 8);
        live.put("a", a);
        live.put("b", b);
        assertThat(live.get("a")).isSameAs(a); // a is now the most recently used
        live.put("c", running("c", 8));
        assertThat(live.get("b")).as("least recently used, evicted").isNull();
        assertThat(live.get("a")).isSameAs(a);
        assertThat(live.get("c")).isNotNull();
    }

    @Test
    void neverKeepsAFinishedWorkflowNorOneLargerThanTheBudget() {
        LiveStates live = new LiveStates(10);
        WorkflowState big = running("big", 11);
        live.put("big", big);
        assertThat(live.get("big")).isNull();
        WorkflowState small = running("small", 2);
        live.put("small", small);
        ENGINE.decide(small, new WorkflowCommand.Cancel("small", "test", Instant.now()));
        assertThat(small.state().isFinished()).isTrue();
        live.put("small", small);
        assertThat(live.get("small")).isNull();
    }

    @Test
    void theSameStateKeepsItsDocumentWriterAndAnotherGetsANewOne() {
        LiveStates live = new LiveStates(100);
        WorkflowState a = running("a", 3);
        DocumentWriter writer = live.put("a", a);
        assertThat(writer).isNotNull();
        assertThat(writer.state()).isSameAs(a);
        assertThat(live.put("a", a)).as("its nodes' JSON is kept across events").isSameAs(writer);
        WorkflowState reloaded = running("a", 3);
        assertThat(live.put("a", reloaded)).isNotSameAs(writer).extracting(DocumentWriter::state).isSameAs(reloaded);
        assertThat(new LiveStates(0).put("a", a)).as("not kept: no writer").isNull();
    }

    @Test
    void aZeroBudgetKeepsNothingAndClearForgetsEverything() {
        LiveStates none = new LiveStates(0);
        none.put("a", running("a", 1));
        assertThat(none.get("a")).isNull();
        LiveStates live = new LiveStates(100);
        live.put("a", running("a", 3));
        live.clear();
        assertThat(live.get("a")).isNull();
        live.put("b", running("b", 100));
        assertThat(live.get("b")).as("the budget is free again after clear").isNotNull();
    }

    private static WorkflowState running(String id, int nodes) {
        return ENGINE.decide(null, new WorkflowCommand.Submit(id, Graphs.chain(nodes, Graphs.nil()).withId(id), Instant.now())).state();
    }
}
