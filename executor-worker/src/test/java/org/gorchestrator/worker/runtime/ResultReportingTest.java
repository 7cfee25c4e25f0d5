package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.nil;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;
import static org.gorchestrator.worker.testkit.Commands.withTimeout;
import static org.gorchestrator.worker.testkit.EventLists.ended;
import static org.gorchestrator.worker.testkit.EventLists.ofNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.worker.testkit.KafkaFixture;
import org.gorchestrator.worker.testkit.Workers;
import org.gorchestrator.worker.testkit.WorkersOnFreshTopics;
import org.junit.jupiter.api.Test;

/** How a worker reports attempts whose results are too large, or that it cannot publish for a while, on a real broker. */
class ResultReportingTest extends WorkersOnFreshTopics {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A producer that gives up an event for a topic it does not know after 300 ms, so that the worker's own retries show. */
    private static final Map<String, Object> QUICK_METADATA_TIMEOUT = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300);

    private final String group = "workers-" + UUID.randomUUID();

    ResultReportingTest() {
        super(1);
    }

    @Test
    void anOutputValueOverItsBoundFailsTheAttemptNamingTheOutputAndTheBound() {
        kafka.send(withOutputs(command("wf-bound", 0, "shell", "printf", List.of("ip_address=" + "1".repeat(20_000) + "\n")),
                List.of("ip_address")));
        workers.start(Workers.config("w-bound", group, 1), Workers.drivers());

        NodeEvent end = ended(kafka.awaitEvents(seen -> ended(seen).size() == 1)).get(0);

        assertThat(end).isInstanceOfSatisfying(NodeEvent.Failed.class, failed -> {
            assertThat(failed.message()).isEqualTo("output ip_address is 20000 bytes, over gorch.worker.max-output-value-size (16384)");
            assertThat(failed.exitCode()).isZero();
        });
        await().atMost(WAIT).until(() -> kafka.committed(group) == 1);
    }

    @Test
    void aResultLargerThanTheProducerTakesIsReportedFailedSayingWhyAndItsCommandCommitted() {
        kafka.send(withOutputs(command("wf-big", 0, "shell", "printf", List.of("BIG=" + "x".repeat(12_000) + "\n")), List.of("BIG")));
        workers.start(Workers.config("w-big", group, 1), Workers.drivers(), Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024));

        NodeEvent end = ended(kafka.awaitEvents(seen -> ended(seen).size() == 1)).get(0);

        assertThat(end).isInstanceOfSatisfying(NodeEvent.Failed.class, failed -> {
            assertThat(failed.message()).matches("result of 1\\d{4} bytes exceeds the producer's max.request.size \\(8192\\) "
                    + "or the max.message.bytes of topic " + kafka.topics().nodeEvents() + ": .*max.request.size.*");
            assertThat(failed.exitCode()).isZero();
            assertThat(failed.worker()).isEqualTo("w-big");
        });
        await().atMost(WAIT).until(() -> kafka.committed(group) == 1);
    }

    @Test
    void aReportUnpublishedPastItsDeadlineIsGivenUpReleasingItsRecordAndOneUnpublishedForAWhileArrivesOnceKafkaTakesIt() {
        try (KafkaFixture late = KafkaFixture.withFreshTopicsButNodeEvents(1); Workers lateWorkers = new Workers(late)) {
            assumeFalse(late.brokerCreatesTopicsOnDemand(), "the broker would create the node-events topic at the first send");
            lateWorkers.start(Workers.config("w-late", group, 1)
                    .withReportRetry(new ReportRetry(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO)), Workers.drivers(),
                    QUICK_METADATA_TIMEOUT);

            late.send(withTimeout(nil("wf-given-up", 0), 1));
            // Its report's deadline is a second after its start: then its record commits, so that later ones can.
            await().atMost(WAIT).until(() -> late.committed(group) == 1);

            late.send(nil("wf-late", 0));
            late.awaitLogs(chunks -> chunks.stream().anyMatch(chunk -> chunk.key().equals("wf-late/0") && chunk.value().last()));
            late.createNodeEventsTopic();

            List<NodeEvent> events = late.awaitEvents(seen -> !ended(seen).isEmpty());
            assertThat(ended(events)).singleElement().isInstanceOfSatisfying(NodeEvent.Succeeded.class,
                    succeeded -> assertThat(succeeded.workflowId()).isEqualTo("wf-late"));
            await().atMost(WAIT).until(() -> late.committed(group) == 2);
            assertThat(ofNode(late.eventsAfter(Duration.ofMillis(500)), "wf-given-up", 0)).as("a given-up report is not sent again")
                    .isEmpty();
        }
    }

    @Test
    void aStoppingWorkerDropsAReportStillUnpublishedAtTheEndOfItsGraceAndLeavesItsCommandUncommitted() {
        try (KafkaFixture late = KafkaFixture.withFreshTopicsButNodeEvents(1); Workers lateWorkers = new Workers(late)) {
            assumeFalse(late.brokerCreatesTopicsOnDemand(), "the broker would create the node-events topic at the first send");
            WorkerRuntime worker = lateWorkers.start(Workers.config("w-stop", group, 1, Duration.ofMillis(500), Map.of()),
                    Workers.drivers(), QUICK_METADATA_TIMEOUT);
            late.send(nil("wf-stop", 0));
            late.awaitLogs(chunks -> chunks.stream().anyMatch(chunk -> chunk.value().last())); // the node ran and ended

            long stopping = System.nanoTime();
            worker.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("not held until the report's deadline, a minute away")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(late.committed(group)).as("its command runs again on the partition's next owner").isZero();
        }
    }
}
