package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BytesPerNodeTest {

    @Test
    void eachTopicsGrowthOverTheNodesRunWithTopicsCreatedOrCleanedMeanwhile() {
        BytesPerNode bytes = BytesPerNode.between(Map.of("events", 1_000L, "state", 5_000L, "quiet", 7L),
                Map.of("events", 41_000L, "state", 4_000L, "quiet", 7L, "commands", 20_000L), 100);

        assertThat(bytes.bytesAdded()).isEqualTo(Map.of("events", 40_000L, "commands", 20_000L, "state", -1_000L));
        assertThat(bytes.topicsByGrowth()).containsExactly("events", "commands", "state");
        assertThat(bytes.perNode("events")).isEqualTo(400.0);
        assertThat(bytes.perNode("quiet")).isZero();
        assertThat(bytes.totalBytes()).isEqualTo(59_000L);
        assertThat(bytes.perNode(null)).isEqualTo(590.0);
        assertThat(bytes.table("random100")).contains("random100: 100 nodes").contains("| events | 40,000 | 400.0 |")
                .contains("| state | -1,000 | -10.0 |").contains("| **total** | 59,000 | **590.0** |");
    }

    @Test
    void aRunWithoutNodesIsNotMeasured() {
        assertThat(BytesPerNode.NONE.measured()).isFalse();
        assertThat(BytesPerNode.between(Map.of(), Map.of("t", 10L), 0).perNode("t")).isZero();
    }
}
