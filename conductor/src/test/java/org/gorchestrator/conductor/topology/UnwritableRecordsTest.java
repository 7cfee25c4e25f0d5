package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class UnwritableRecordsTest {
    private final UnwritableRecords records = new UnwritableRecords(ConductorMetrics.NONE);

    private void refused(String topic, String key, int bytes) {
        records.report(topic, key, bytes, "record-too-large", new RecordTooLargeException("refused"));
    }

    @Test
    void theWorkflowIsReadFromTheKeyOfEveryTopicTheConductorWrites() {
        assertThat(UnwritableRecords.workflowOf("gorch.workflow-state", "wf-1")).isEqualTo("wf-1");
        assertThat(UnwritableRecords.workflowOf("gorch.node-commands.gpu", "wf-1/12")).isEqualTo("wf-1");
        assertThat(UnwritableRecords.workflowOf("app-workflows-changelog", "wf-1\u00000000000012")).isEqualTo("wf-1");
        assertThat(UnwritableRecords.workflowOf("app-workflow-timers-changelog", Timers.key(java.time.Instant.EPOCH, "wf-1"))).isEqualTo("wf-1");
    }

    @Test
    void aReportIsTakenOnceWithTheLargestRefusedRecordAsTheReason() {
        refused("ws", "wf-1", 9_000);
        refused("ws", "wf-1", 500);

        assertThat(records.waits("wf-1")).isTrue();
        UnwritableRecords.Strike strike = records.take("wf-1");
        assertThat(strike.reason()).contains("9000 bytes");
        assertThat(strike.settledBefore()).isZero();
        assertThat(records.take("wf-1")).isNull();
        assertThat(records.waits("wf-1")).isFalse();

        refused("ws", "wf-1", 9_000);
        assertThat(records.take("wf-1").settledBefore()).as("refused again: delete it").isEqualTo(1);
    }

    @Test
    void threadsAreReplacedOnlyABoundedNumberOfTimesSoNothingLoops() {
        assertThat(records.replaceThread()).as("a failure that is not ours").isFalse();

        refused("ws", "wf-never-seen", 9_000);
        for (int i = 0; i < UnwritableRecords.MAX_RESTARTS; i++) {
            assertThat(records.replaceThread()).isTrue();
        }
        assertThat(records.replaceThread()).as("a report nobody settles").isFalse();

        refused("ws", "wf-2", 9_000);
        records.take("wf-2");
        refused("ws", "wf-2", 9_000);
        assertThat(records.replaceThread()).as("failed once: a new thread may delete it").isTrue();
        records.take("wf-2");
        refused("ws", "wf-2", 9_000);
        assertThat(records.replaceThread()).as("failed and deleted, still refused").isFalse();
    }
}
