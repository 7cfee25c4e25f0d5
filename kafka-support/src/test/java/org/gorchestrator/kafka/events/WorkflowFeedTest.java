package org.gorchestrator.kafka.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowEvent;
import org.junit.jupiter.api.Test;

class WorkflowFeedTest {

    @Test
    void oneLinePerEventWithTheGraphsNameOrTheNewState() {
        List<WorkflowEvent> events = EveryEventType.run().events;
        WorkflowEvent submitted = events.get(0);
        WorkflowEvent retrying = events.stream().filter(e -> EventType.of(e) == EventType.NODE_RETRYING).findFirst().orElseThrow();
        WorkflowEvent finished = events.get(events.size() - 1);
        String id = EveryEventType.ID;

        assertThat(line(submitted)).isEqualTo(submitted.at() + " workflow.submitted.v1 " + id + " every-event-type (4 nodes)");
        assertThat(line(retrying)).isEqualTo(retrying.at() + " node.retrying.v1 " + id + "/nodes/1 torun attempt 1");
        assertThat(line(finished)).isEqualTo(finished.at() + " workflow.finished.v1 " + id + " canceled");
    }

    private static String line(WorkflowEvent event) {
        return WorkflowFeed.line(Json.write(CloudEvents.wrap(event)));
    }
}
