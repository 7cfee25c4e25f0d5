package org.gorchestrator.kafka.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.junit.jupiter.api.Test;

class WorkflowReplayTest {

    @Test
    void afterEveryDecisionTheEventsSoFarRebuildTheConductorsStateExceptItsDeadline() {
        EveryEventType run = EveryEventType.run();
        assertThat(run.steps).allSatisfy(step -> {
            List<WorkflowEvent> published = run.events.subList(0, step.eventCount()).stream()
                    .map(e -> CloudEvents.unwrap(CloudEvents.wrap(e))).toList();
            Graph expected = step.graph().withRun(step.graph().state(), step.graph().startDate(), step.graph().stopDate(), null);
            assertThat(WorkflowReplay.of(published)).isEqualTo(expected);
        });
        assertThat(run.steps.get(run.steps.size() - 1).graph().state()).isEqualTo(State.CANCELED);
    }

    @Test
    void eventsNeedTheirWorkflowsSubmittedEventFirst() {
        WorkflowEvent finished = new WorkflowEvent.WorkflowChanged(EveryEventType.ID, State.SUCCESS, Instant.EPOCH);
        WorkflowEvent submitted = new WorkflowEvent.Submitted("another", EveryEventType.graph().withId("another"), Instant.EPOCH);

        assertThatThrownBy(() -> WorkflowReplay.of(List.of(finished))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WorkflowReplay.of(List.of(submitted, finished))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another");
    }
}
