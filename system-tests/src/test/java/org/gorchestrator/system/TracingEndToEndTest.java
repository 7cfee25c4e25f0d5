package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One workflow followed by the caller's trace id from the HTTP call through conductor and worker, on every record it causes. */
@ExtendWith(KafkaBroker.class)
class TracingEndToEndTest {
    private static final String TRACE = "5c0e1a7b9f3d4e2a8b6c4d2e0f1a3b5c";
    private static final String CALLER = "00-" + TRACE + "-a1b2c3d4e5f60718-01";
    private static final int NODES = 3;

    @TempDir
    Path dir;

    @Test
    void everyRecordOfAWorkflowCarriesTheTraceOfTheCallThatSubmittedIt() {
        try (Gorch gorch = new Gorch(dir.resolve("data"))) {
            gorch.all("worker-traced");
            // Raw HTTP: the caller's traceparent header is under test, and the client sends none of its own.
            String id = Gorch.acceptedId(gorch.post(Json.writeString(Graphs.chain(NODES, Graphs.nil())), "traceparent", CALLER));
            assertThat(gorch.awaitFinished(id, Duration.ofSeconds(30)).state()).isEqualTo(State.SUCCESS);

            List<ConsumerRecord<String, byte[]>> commands = Gorch.readCommitted(gorch.workflowCommandsTopic(), id::equals, r -> !r.isEmpty());
            List<ConsumerRecord<String, byte[]>> nodeCommands = Gorch.readCommitted(gorch.nodeCommandsTopic(), k -> k.startsWith(id + "/"),
                    r -> r.size() == NODES);
            // one end per node, and a "started" before it for a node that ran longer than the worker's started-delay
            List<ConsumerRecord<String, byte[]>> nodeEvents = Gorch.readCommitted(gorch.nodeEventsTopic(), id::equals,
                    r -> r.stream().filter(record -> !(Json.read(record.value(), NodeEvent.class) instanceof NodeEvent.Started)).count() == NODES);
            List<ConsumerRecord<String, byte[]>> workflowEvents = WorkflowEventsEndToEndTest.readUntilFinished(gorch.workflowEventsTopic(), id);

            for (List<ConsumerRecord<String, byte[]>> records : List.of(commands, nodeCommands, nodeEvents, workflowEvents)) {
                assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(TraceHeaders.traceId(TraceHeaders.traceparent(record.headers())))
                        .as("trace of %s@%d", record.topic(), record.offset()).isEqualTo(TRACE));
            }
        }
    }
}
