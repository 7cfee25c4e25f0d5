package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestsPerNodeTest {

    @Test
    void countsWhatEachTypeGrewByOverTheNodesRun() {
        RequestsPerNode requests = RequestsPerNode.between(Map.of("Produce", 100L, "Fetch", 50L, "Heartbeat", 7L),
                Map.of("Produce", 400L, "Fetch", 250L, "Heartbeat", 7L, "EndTxn", 20L), 1000);

        assertThat(requests.added()).isEqualTo(Map.of("Produce", 300L, "Fetch", 200L, "EndTxn", 20L));
        assertThat(requests.perNode("Produce")).isCloseTo(0.3, within(1e-9));
        assertThat(requests.perNode(null)).isCloseTo(0.52, within(1e-9));
        assertThat(requests.measured()).isTrue();
    }

    @Test
    void tablesTheMostFrequentFirstThenTheTotal() {
        String table = RequestsPerNode.between(Map.of(), Map.of("Fetch", 200L, "Produce", 300L), 1000).table("broker requests");

        assertThat(table).startsWith("broker requests: 1,000 nodes")
                .containsSubsequence("| Produce | 300 | 0.300 |", "| Fetch | 200 | 0.200 |", "| **total** | 500 | **0.500** |");
    }

    @Test
    void nothingMeasuredWithoutNodes() {
        assertThat(RequestsPerNode.NONE.measured()).isFalse();
        assertThat(RequestsPerNode.NONE.perNode(null)).isZero();
    }
}
