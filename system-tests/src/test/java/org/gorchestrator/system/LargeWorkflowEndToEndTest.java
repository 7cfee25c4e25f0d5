package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A workflow whose state travels in parts ({@link StateRecords}) runs end to end on the real broker: submitted, every
 * node dispatched and run, finished, and read whole and a page at a time. A few thousand nodes: the path of 100,000,
 * in seconds. The topics' records are kept small here (128 KB), several times smaller than the submit, so that the
 * submit must travel in parts too ({@code RecordParts}), as a 100,000-node one does with the default record size.
 */
@ExtendWith(KafkaBroker.class)
class LargeWorkflowEndToEndTest {
    private static final int NODES = 2 * StateRecords.WHOLE_MAX_NODES;
    private static final Duration AT_MOST = Duration.ofMinutes(3);
    private static final int RECORD_BYTES = 128 * 1024;

    @TempDir
    Path dir;

    @Test
    void aWorkflowOfThousandsOfNilNodesRunsToSuccessAndReadsWholeAndByPages() throws Exception {
        try (Gorch gorch = new Gorch(dir.resolve("data"), "gorch.api.limits.max-nodes=" + NODES, "gorch.api.limits.max-edges=" + 3 * NODES,
                "gorch.kafka.max-message-size=" + RECORD_BYTES, "gorch.api.limits.max-document-size=" + RECORD_BYTES / 2,
                "gorch.conductor.max-workflow-outputs-size=" + RECORD_BYTES / 4)) {
            gorch.all("worker-large");
            Graph dag = randomDag();
            assertThat(Json.write(dag)).as("the document alone is more than a record holds").hasSizeGreaterThan(RECORD_BYTES);
            String id = gorch.submit(Json.writeString(dag));

            Graph done = gorch.awaitFinished(id, AT_MOST);

            assertThat(done.state()).isEqualTo(State.SUCCESS);
            assertThat(done.nodes()).hasSize(NODES).allSatisfy(node -> assertThat(node.state()).isEqualTo(State.SUCCESS));
            JsonNode page = read(gorch.baseUrl() + "/v1/tasks/" + id + "/nodes?limit=500&after=" + (NODES - 3));
            assertThat(page.get("nodes")).extracting(node -> node.get("id").asInt()).containsExactly(NODES - 2, NODES - 1);
            assertThat(page.has("next")).isFalse();
            assertThat(read(gorch.baseUrl() + "/v1/tasks/" + id + "/nodes?state=failure").get("nodes")).isEmpty();
        }
    }

    /** Each node with 0 to 3 edges from earlier ones (seeded), as the load driver's random graphs. */
    private static Graph randomDag() {
        Random random = new Random(42);
        List<List<Integer>> edges = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int to = 0; to < NODES; to++) {
            nodes.add(Node.of(to, "n" + to, "nil", null, List.of()));
            for (int from : random.ints(to == 0 ? 0 : random.nextInt(4), 0, Math.max(1, to)).distinct().toArray()) {
                edges.add(List.of(from, to));
            }
        }
        return Graph.sparse("large-" + NODES, edges, nodes);
    }

    private static JsonNode read(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
