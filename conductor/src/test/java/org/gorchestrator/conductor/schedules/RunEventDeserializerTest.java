package org.gorchestrator.conductor.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.model.TemplateRun;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.NodeTestBuilder;
import org.junit.jupiter.api.Test;

/** The run watcher's reader, on the bytes the conductor writes: it keeps a scheduled submission and a finish, nothing else. */
class RunEventDeserializerTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:01:00Z");
    private final CloudEventSerde written = new CloudEventSerde();
    private final RunEventDeserializer reader = new RunEventDeserializer();

    private RunEvent read(WorkflowEvent event) {
        return reader.deserialize("gorch.workflow-events", written.serialize("gorch.workflow-events", event));
    }

    @Test
    void aSubmissionOfAScheduledRunNamesItsSchedule() {
        Graph run = Graphs.seedExample().withId("w1").withTemplate(new TemplateRun("nightly-report", 3, Map.of("day", "mon"), "nightly"));
        assertThat(read(new WorkflowEvent.Submitted("w1", run, AT))).isEqualTo(new RunEvent.Scheduled("nightly"));
    }

    @Test
    void aScheduledRunOfMoreNodesThanAStateRecordHoldsWholeNamesItsScheduleToo() {
        Graph run = Graphs.chain(StateRecords.WHOLE_MAX_NODES + 1, Graphs.nil()).withId("w1")
                .withTemplate(new TemplateRun("big-report", 1, Map.of(), "nightly"));
        assertThat(read(new WorkflowEvent.Submitted("w1", run, AT))).as("a workflow.submitted.v2").isEqualTo(new RunEvent.Scheduled("nightly"));
    }

    @Test
    void aSubmissionWithoutAScheduleIsSkipped() {
        Graph plain = Graphs.seedExample().withId("w1");
        Graph fromTemplate = plain.withTemplate(new TemplateRun("report", 1, Map.of(), null));
        assertThat(read(new WorkflowEvent.Submitted("w1", plain, AT))).isNull();
        assertThat(read(new WorkflowEvent.Submitted("w1", fromTemplate, AT))).isNull();
    }

    @Test
    void onlyAFinishCountsAmongTheWorkflowsChanges() {
        assertThat(read(new WorkflowEvent.WorkflowChanged("w1", State.FAILURE, false, AT))).isEqualTo(new RunEvent.Finished());
        assertThat(read(new WorkflowEvent.WorkflowChanged("w1", State.RUNNING, false, AT))).isNull();
        assertThat(read(new WorkflowEvent.WorkflowChanged("w1", State.RUNNING, true, AT))).isNull();
    }

    @Test
    void nodeChangesOtherTypesAndTombstonesAreSkipped() {
        Node succeeded = NodeTestBuilder.aNode(0, "a").engine("nil", "").succeeded(Map.of()).build();
        assertThat(read(new WorkflowEvent.NodeChanged("w1", succeeded, AT))).isNull();
        byte[] outcome = """
                {"specversion":"1.0","id":"r1","source":"/x","type":"org.gorchestrator.submission.accepted.v1",
                 "data":{"template":{"schedule":"nightly"}}}""".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.deserialize("t", outcome)).isNull();
        assertThat(reader.deserialize("t", null)).isNull();
    }

    @Test
    void theEnvelopesFieldsMayComeInAnyOrder() {
        byte[] dataFirst = """
                {"data":{"nodes":[{"id":0}],"template":{"name":"r","schedule":"hourly","inputs":{"a":"b"}}},
                 "specversion":"1.0","type":"org.gorchestrator.workflow.submitted.v1","subject":"w1"}""".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.deserialize("t", dataFirst)).isEqualTo(new RunEvent.Scheduled("hourly"));
    }

    @Test
    void bytesThatAreNoJsonAreASerializationError() {
        assertThatThrownBy(() -> reader.deserialize("t", "{\"type\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a workflow CloudEvent on t");
    }
}
