package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BytesPerNodeTest {

    @Test
    void eachTopicsGrowthOverTheNodesRunWithTopicsCreatedOrCleanedMeanwhile() {
        BytesPerNode bytes = BytesPerNode.between(
                new LogSizes.Totals(Map.of("events", 1_000L, "state", 5_000L, "quiet", 7L), Map.of("events", 10L, "state", 3L, "quiet", 1L)),
                new LogSizes.Totals(Map.of("events", 41_000L, "state", 4_000L, "quiet", 7L, "commands", 20_000L),
                        Map.of("events", 210L, "state", 5L, "quiet", 1L, "commands", 100L, "offsets", 50L)), 100);

        assertThat(bytes.bytesAdded()).isEqualTo(Map.of("events", 40_000L, "commands", 20_000L, "state", -1_000L));
        assertThat(bytes.perNode("events")).isEqualTo(400.0);
        assertThat(bytes.perNode("quiet")).isZero();
        assertThat(bytes.totalBytes()).isEqualTo(59_000L);
        assertThat(bytes.perNode(null)).isEqualTo(590.0);
        assertThat(bytes.recordsAdded()).as("the cleaned topic's records all count").isEqualTo(Map.of("events", 200L, "commands", 100L,
                "state", 2L, "offsets", 50L));
        assertThat(bytes.recordsPerNode("events")).isEqualTo(2.0);
        assertThat(bytes.recordsPerNode(null)).isEqualTo(3.52);
        assertThat(bytes.topicsByGrowth()).as("a topic that grew in records only comes last").containsExactly("events", "commands", "offsets", "state");
        assertThat(bytes.table("random100")).contains("random100: 100 nodes").contains("| events | 40,000 | 400.0 | 2.000 |")
                .contains("| state | -1,000 | -10.0 | 0.020 |").contains("| offsets | 0 | 0.0 | 0.500 |")
                .contains("| **total** | 59,000 | **590.0** | **3.520** |");
    }

    @Test
    void aRunWithoutNodesIsNotMeasured() {
        assertThat(BytesPerNode.NONE.measured()).isFalse();
        BytesPerNode none = BytesPerNode.between(new LogSizes.Totals(Map.of(), Map.of()), new LogSizes.Totals(Map.of("t", 10L), Map.of("t", 1L)), 0);
        assertThat(none.perNode("t")).isZero();
        assertThat(none.recordsPerNode("t")).isZero();
    }
}
