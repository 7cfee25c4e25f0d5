package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.ControlRecordType;
import org.apache.kafka.common.record.EndTransactionMarker;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log segments written as the broker writes them: transactional commands and a commit marker, then the workers' reports. */
class HandOffSplitTest {
    private static final Instant SUBMITTED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FINISHED = SUBMITTED.plusMillis(100);
    private static final long PRODUCER = 7;

    @TempDir
    Path logs;

    @Test
    void aSuccessorsCommandSplitsAtTheCommitMarkerAfterIt() throws IOException {
        segment("gorch.node-commands-0", transactional(0, command(0, SUBMITTED), command(2, SUBMITTED)), commit(2, SUBMITTED.plusMillis(3)),
                transactional(3, command(1, FINISHED)), commit(4, FINISHED.plusMillis(7)));
        segment("gorch.node-events-0", MemoryRecords.withRecords(Compression.NONE,
                event(succeeded(0, SUBMITTED.plusMillis(5), FINISHED)),
                event(succeeded(2, SUBMITTED.plusMillis(5), SUBMITTED.plusMillis(50))),
                event(new NodeEvent.Started("wf", 1, 1, "w1", FINISHED.plusMillis(9))),
                event(succeeded(1, FINISHED.plusMillis(9), FINISHED.plusMillis(20)))));
        Files.createDirectories(logs.resolve("gorch.node-events-with-another-name-0"));

        HandOffSplit split = HandOffSplit.read(logs, SUBMITTED);

        assertThat(split.toVisible().count()).as("node 1 only: the roots were dispatched by the submission, not by a finish").isEqualTo(1);
        assertThat(split.toVisible().p50()).isEqualTo(7.0);
        assertThat(split.toStart().p50()).isEqualTo(2.0);
        assertThat(split.table("random100 @ max")).contains("random100 @ max: 1 hand-offs")
                .contains("| finish → command visible (commit marker) | 7.0 / 7.0 / 7.0 / 7.0 |");
        assertThat(HandOffSplit.read(logs, FINISHED.plusMillis(1)).measured()).as("dispatched before the run").isFalse();
    }

    @Test
    void aCommandWhoseTransactionIsStillOpenOrWhoseNodeNeverStartedIsLeftOut() throws IOException {
        segment("gorch.node-commands-0", transactional(0, command(1, FINISHED)));
        segment("gorch.node-events-0", MemoryRecords.withRecords(Compression.NONE, event(succeeded(0, SUBMITTED, FINISHED))));

        assertThat(HandOffSplit.read(logs, SUBMITTED).measured()).isFalse();
    }

    private void segment(String partition, MemoryRecords... batches) throws IOException {
        Path dir = Files.createDirectories(logs.resolve(partition));
        try (FileRecords file = FileRecords.open(dir.resolve("00000000000000000000.log").toFile())) {
            for (MemoryRecords batch : batches) {
                file.append(batch);
            }
        }
    }

    private static NodeCommand command(int node, Instant at) {
        return new NodeCommand("wf", node, 1, "n" + node, "nil", "", List.of(), null, List.of(), null, at);
    }

    private static NodeEvent succeeded(int node, Instant started, Instant at) {
        return new NodeEvent.Succeeded("wf", node, 1, "w1", 0, Map.of(), started, at);
    }

    private static MemoryRecords transactional(long offset, NodeCommand... commands) {
        SimpleRecord[] records = new SimpleRecord[commands.length];
        for (int i = 0; i < commands.length; i++) {
            records[i] = new SimpleRecord(commands[i].at().toEpochMilli(), "wf".getBytes(), Json.write(commands[i]));
        }
        return MemoryRecords.withTransactionalRecords(offset, Compression.NONE, PRODUCER, (short) 0, (int) offset, 0, records);
    }

    private static MemoryRecords commit(long offset, Instant at) {
        return MemoryRecords.withEndTransactionMarker(offset, at.toEpochMilli(), 0, PRODUCER, (short) 0,
                new EndTransactionMarker(ControlRecordType.COMMIT, 0));
    }

    private static SimpleRecord event(NodeEvent event) {
        return new SimpleRecord(event.at().toEpochMilli(), "wf".getBytes(), Json.write(event));
    }
}
