package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gorchestrator.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The quick path, end to end against {@link FakeApi}: asserts counts and files, never timing. */
class MainTest {
    /** The seed graph's nodes that have predecessors: b, c, e, a and g. */
    private static final int SEED_HAND_OFFS = 5;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    @Test
    void quickSweepFollowsEveryWorkflowAndWritesItsResults(@TempDir Path out) throws Exception {
        try (FakeApi api = new FakeApi()) {
            Options options = Options.parse("--url", api.url(), "--quick", "--duration", "1s", "--warmup", "300ms", "--concurrency", "4", "--out", out.toString());

            List<Measurement> results = Main.run(options);
            ResultFiles.write(out, results);

            assertThat(results).extracting(Measurement::scenario).containsOnly("seed");
            assertThat(results).hasSize(1 + Main.AUTO_FRACTIONS.length);
            assertThat(results.get(0).targetRate()).isZero();
            assertThat(results.subList(1, results.size())).allSatisfy(m -> assertThat(m.targetRate()).isPositive());
            assertThat(results.stream().mapToInt(Measurement::submitted).sum()).as("all but the warm-up's").isLessThan(api.posts());
            assertThat(api.waits()).allSatisfy(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(MAX_WAIT));
            for (Measurement m : results) {
                assertThat(m.submitted()).isPositive();
                assertThat(m.succeeded()).isEqualTo(m.submitted());
                assertThat(m.rejected() + m.failed() + m.unfinished()).isZero();
                assertThat(m.nodesPerSecond()).isEqualTo(8 * m.workflowsPerSecond(), org.assertj.core.data.Offset.offset(1e-6));
                assertThat(m.submitToFinish().count()).isEqualTo(m.succeeded());
                assertThat(m.handOff().count()).isEqualTo(SEED_HAND_OFFS * m.succeeded());
                assertThat(m.stopToAnswer().count()).isEqualTo(m.succeeded());
                assertThat(List.of(m.handOff().p50(), m.handOff().p99(), m.handOff().max())).containsOnly(2.0);
            }
            List<String> csv = Files.readAllLines(out.resolve("results.csv"));
            assertThat(csv).hasSize(1 + results.size());
            assertThat(csv.get(0)).isEqualTo(ResultFiles.CSV_HEADER);
            assertThat(csv.get(1)).startsWith("seed,8,0.00,");
            JsonNode json = Json.read(Files.readString(out.resolve("results.json")), JsonNode.class);
            assertThat(json.size()).isEqualTo(results.size());
            assertThat(json.get(0).get("handOff").get("p50").asDouble()).isEqualTo(2.0);
            String svg = Files.readString(out.resolve("latency.svg"));
            assertThat(svg).startsWith("<svg").contains("hand-off between nodes").contains("target 15 ms").endsWith("</svg>\n");
            assertThat(svg.split("<polyline", -1)).hasSize(1 + 6);
        }
    }

    @Test
    void aCountedRunSubmitsExactlyThatMany() throws Exception {
        try (FakeApi api = new FakeApi()) {
            Options options = Options.parse("--url", api.url(), "--scenario", "random100", "--count", "7", "--rate", "50", "--warmup", "0");

            Measurement m = Main.run(options).get(0);

            assertThat(api.posts()).isEqualTo(7);
            assertThat(api.waits()).as("one long poll each").hasSize(7);
            assertThat(m.succeeded()).isEqualTo(7);
            assertThat(m.nodesPerWorkflow()).isEqualTo(100);
            assertThat(m.handOff().p50()).isEqualTo(2.0);
        }
    }

    @Test
    void withTheBrokerNamedEachRunReportsWhatItAddedToTheTopicsPerNodeRun() throws Exception {
        try (FakeApi api = new FakeApi()) {
            Options options = Options.parse("--url", api.url(), "--scenario", "random100", "--count", "3", "--warmup", "0",
                    "--kafka", org.gorchestrator.test.KafkaBroker.bootstrapServers());

            Measurement m = Main.run(options).get(0);

            assertThat(m.bytesPerNode().measured()).isTrue();
            assertThat(m.bytesPerNode().nodes()).isEqualTo(300);
            List<String> header = List.of(ResultFiles.CSV_HEADER.split(","));
            String[] row = ResultFiles.csv(List.of(m)).lines().skip(1).findFirst().orElseThrow().split(",");
            assertThat(row).hasSameSizeAs(header.toArray());
            assertThat(row[header.indexOf("bytes_per_node")]).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", m.bytesPerNode().perNode(null)));
        }
    }

    @Test
    void anApiWithoutTheLongPollIsAskedAgainAfterAGrowingDelayNotInALoop() throws Exception {
        try (FakeApi api = FakeApi.ignoringWait(Duration.ofSeconds(1))) {
            Options options = Options.parse("--url", api.url(), "--count", "3", "--concurrency", "3", "--finish-timeout", "20s", "--warmup", "0");

            Measurement m = Main.run(options).get(0);

            assertThat(m.succeeded()).isEqualTo(3);
            // The fake's documents stop a few ms after the POST, and say so from 1 s after it: the driver has each that much later.
            assertThat(m.stopToAnswer().p50()).isGreaterThan(900);
            // Each is running for 1 s: asked at once, then 50, 100, 200, 400 and 800 ms later at most. Without the delay, hundreds.
            assertThat(api.waits()).hasSizeLessThanOrEqualTo(6 * 3)
                    .allSatisfy(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(MAX_WAIT));
        }
    }

    @Test
    void aWorkflowStillRunningAtItsDeadlineCountsAsUnfinished() throws Exception {
        try (FakeApi api = FakeApi.ignoringWait(Duration.ofHours(1))) {
            Options options = Options.parse("--url", api.url(), "--count", "1", "--finish-timeout", "2s", "--warmup", "0");

            Measurement m = Main.run(options).get(0);

            assertThat(m.unfinished()).isEqualTo(1);
            assertThat(m.succeeded()).isZero();
            // the last requests ask no longer than the time left
            assertThat(api.waits()).allSatisfy(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2)));
        }
    }

    @Test
    void nothingListensMeansEveryWorkflowIsCountedAsRejected() throws Exception {
        Options options = Options.parse("--url", "http://127.0.0.1:9", "--count", "3", "--finish-timeout", "2s", "--warmup", "0");

        Measurement m = Main.run(options).get(0);

        assertThat(m.rejected()).isEqualTo(3);
        assertThat(m.submitted()).isZero();
        assertThat(m.submitToFinish().count()).isZero();
    }
}
