package org.gorchestrator.kafka.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.test.EventSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CloudEventsTest {
    private static final List<WorkflowEvent> EVENTS = EveryEventType.run().events;

    @Test
    void theEngineEmitsEveryTypeAndEachEventTypeIsDerivedFromTheEventAlone() {
        assertThat(EVENTS).extracting(e -> EventType.of(e)).containsAll(EnumSet.complementOf(EnumSet.of(EventType.WORKFLOW_SUBMITTED_IN_PARTS)));
        assertThat(typesOf(EveryEventType.FLAKY)).containsExactly(
                "node.dispatched", "node.started", "node.failed", "node.retrying", "node.dispatched", "node.started",
                "node.timeout", "node.reset", "node.dispatched", "node.canceled");
        assertThat(typesOf(EveryEventType.AFTER)).containsExactly("node.notrunnable", "node.reset", "node.canceled");
        assertThat(EVENTS).filteredOn(e -> !(e instanceof WorkflowEvent.NodeChanged)).extracting(e -> EventType.of(e).eventName())
                .containsExactly("workflow.submitted", "workflow.started", "workflow.finished", "workflow.rerun", "workflow.finished");
    }

    @Test
    void writtenStraightTheEnvelopeIsTheSameJsonAsWrapped() {
        assertThat(EVENTS).allSatisfy(e -> assertThat(new String(CloudEvents.write(e))).isEqualTo(Json.writeString(CloudEvents.wrap(e))));
    }

    @Test
    void aNodeChangeWrittenWithItsNodesJsonIsTheSameJsonAsWrittenWhole() {
        assertThat(EVENTS).filteredOn(WorkflowEvent.NodeChanged.class::isInstance).hasSizeGreaterThan(10).allSatisfy(e -> {
            WorkflowEvent.NodeChanged changed = (WorkflowEvent.NodeChanged) e;
            assertThat(new String(CloudEvents.write(changed, Json.write(changed.node())))).isEqualTo(new String(CloudEvents.write(e)));
        });
    }

    @Test
    void aNodeEventCarriesTheNodeUnderItsWorkflowWithADeterministicId() {
        WorkflowEvent.NodeChanged failed = (WorkflowEvent.NodeChanged) EVENTS.stream()
                .filter(e -> EventType.of(e) == EventType.NODE_FAILED && ((WorkflowEvent.NodeChanged) e).node().id() == 1)
                .findFirst().orElseThrow();

        CloudEvent event = CloudEvents.wrap(failed);

        String subject = EveryEventType.ID + "/nodes/1";
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.source()).isEqualTo("/gorchestrator/conductor");
        assertThat(event.type()).isEqualTo("org.gorchestrator.node.failed.v1");
        assertThat(event.subject()).isEqualTo(subject);
        assertThat(event.id()).isEqualTo(subject + "/node.failed/1@" + failed.at());
        assertThat(event.time()).isEqualTo(failed.at());
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(event.dataschema()).isEqualTo(URI.create("urn:gorchestrator:events:node-changed.v1"));
        assertThat(event.data().get("state_name").asString()).isEqualTo("failure");
        assertThat(event.data().get("exit_code").asInt()).isEqualTo(2);
        assertThat(CloudEvents.wrap(failed)).isEqualTo(event);
    }

    @Test
    void everyEventHasItsOwnIdAndComesBackAsTheSameWorkflowEvent() {
        assertThat(EVENTS).extracting(e -> CloudEvents.wrap(e).id()).doesNotHaveDuplicates();
        assertThat(EVENTS).allSatisfy(e -> assertThat(CloudEvents.unwrap(roundTrip(CloudEvents.wrap(e)))).isEqualTo(e));
    }

    @Test
    void everyEventIsValidAgainstTheCommittedSchemas() {
        assertThat(EVENTS).allSatisfy(e -> assertThat(EventSchemas.violations(Json.writeString(CloudEvents.wrap(e)))).isEmpty());
    }

    @Test
    void theSchemasRejectDataThatContradictsTheType() {
        WorkflowEvent succeeded = EVENTS.stream().filter(e -> EventType.of(e) == EventType.NODE_SUCCEEDED).findFirst().orElseThrow();
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(CloudEvents.wrap(succeeded));
        json.put("type", EventType.NODE_FAILED.type());
        assertThat(EventSchemas.violations(json.toString())).isNotEmpty();

        ObjectNode data = (ObjectNode) json.put("type", EventType.NODE_SUCCEEDED.type()).get("data");
        data.put("exit_kode", 0);
        assertThat(EventSchemas.violations(json.toString())).anySatisfy(v -> assertThat(v).contains("exit_kode"));
    }

    @Test
    void aWorkflowInPartsIsSubmittedAsItsHeaderAndNodeCountAndReplaysFromItsNodeEvents() {
        int n = StateRecords.WHOLE_MAX_NODES + 1;
        List<Node> nodes = IntStream.range(0, n).mapToObj(i -> Node.of(i, "n" + i, "nil", null, List.of())).toList();
        Graph large = Graph.sparse("large", List.of(List.of(0, 1)), nodes).withId("wf-large");
        WorkflowEvent.Submitted submitted = new WorkflowEvent.Submitted("wf-large", large, Instant.EPOCH);

        CloudEvent event = CloudEvents.wrap(submitted);

        assertThat(event.type()).isEqualTo("org.gorchestrator.workflow.submitted.v2");
        assertThat(event.dataschema()).isEqualTo(URI.create("urn:gorchestrator:events:workflow-submitted.v2"));
        assertThat(event.data().has("nodes")).isFalse();
        assertThat(event.data().get("node_count").asInt()).isEqualTo(n);
        assertThat(event.data().get("edges").get(0).get(1).asInt()).isEqualTo(1);
        assertThat(new String(CloudEvents.write(submitted))).isEqualTo(Json.writeString(event));
        assertThat(EventSchemas.violations(Json.writeString(event))).isEmpty();
        assertThat(CloudEvents.write(submitted).length).as("the event does not grow with the nodes").isLessThan(1_000);

        WorkflowEvent read = CloudEvents.unwrap(roundTrip(event));
        Node ran = Node.of(7, "n7", "nil", null, List.of()).firstPass();
        WorkflowReplay replay = new WorkflowReplay();
        replay.apply(read);
        replay.apply(new WorkflowEvent.NodeChanged("wf-large", ran, Instant.EPOCH));
        assertThat(replay.graph().name()).isEqualTo("large");
        assertThat(replay.graph().nodes()).as("the nodes its events brought").containsExactly(ran);
    }

    @Test
    void aWorkflowOfAtMostAThousandNodesIsStillSubmittedWholeAsVersionOne() {
        List<Node> nodes = IntStream.range(0, StateRecords.WHOLE_MAX_NODES).mapToObj(i -> Node.of(i, "n" + i, "nil", null, List.of())).toList();
        WorkflowEvent.Submitted submitted = new WorkflowEvent.Submitted("wf", Graph.sparse("g", List.of(), nodes).withId("wf"), Instant.EPOCH);

        assertThat(CloudEvents.wrap(submitted).type()).isEqualTo("org.gorchestrator.workflow.submitted.v1");
        assertThat(CloudEvents.wrap(submitted).data().get("nodes")).hasSize(StateRecords.WHOLE_MAX_NODES);
    }

    @Test
    void anEnvelopeWithAnUnknownTypeOrWithoutSubjectIsRejected() {
        CloudEvent event = CloudEvents.wrap(new WorkflowEvent.WorkflowChanged("wf-1", State.SUCCESS, Instant.EPOCH));
        CloudEvent newer = new CloudEvent("1.0", "x", "/elsewhere", "org.gorchestrator.workflow.finished.v2", "wf-1", Instant.EPOCH,
                null, null, event.data());
        CloudEvent noSubject = new CloudEvent("1.0", "x", "/elsewhere", event.type(), null, Instant.EPOCH, null, null, event.data());

        assertThatThrownBy(() -> CloudEvents.unwrap(newer)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v2");
        assertThatThrownBy(() -> CloudEvents.unwrap(noSubject)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
    }

    @Test
    void aNodeNeverChangesBackToInitial() {
        WorkflowEvent initial = new WorkflowEvent.NodeChanged("wf-1", Node.of(0, "a", "nil", null, List.of()), Instant.EPOCH);
        assertThatThrownBy(() -> CloudEvents.wrap(initial)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> typesOf(int nodeId) {
        return EVENTS.stream()
                .filter(e -> e instanceof WorkflowEvent.NodeChanged c && c.node().id() == nodeId)
                .map(e -> EventType.of(e).eventName())
                .toList();
    }

    private static CloudEvent roundTrip(CloudEvent event) {
        return Json.read(Json.write(event), CloudEvent.class);
    }
}
