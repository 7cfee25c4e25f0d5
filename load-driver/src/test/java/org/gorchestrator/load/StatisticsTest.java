package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] micros = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000).toArray();

        assertThat(Latencies.ofMicros(micros)).isEqualTo(new Latencies(100, 50, 95, 99, 100));
        assertThat(Latencies.ofMicros(new long[] {7_500})).isEqualTo(new Latencies(1, 7.5, 7.5, 7.5, 7.5));
        assertThat(Latencies.ofMicros(new long[0]).count()).isZero();
    }

    @Test
    void aHandOffStartsAtTheLatestPredecessorStop() {
        // 0 -> 2 <- 1: node 2 waits for the later of 0 (stops at 10 ms) and 1 (stops at 30 ms), starts at 34 ms.
        Graph graph = Json.read("""
                {"edges": [[0, 2], [1, 2]], "nodes": [
                  {"id": 0, "state": 3, "start_date": "2026-01-01T00:00:00Z", "stop_date": "2026-01-01T00:00:00.010Z"},
                  {"id": 1, "state": 3, "start_date": "2026-01-01T00:00:00Z", "stop_date": "2026-01-01T00:00:00.030Z"},
                  {"id": 2, "state": 3, "start_date": "2026-01-01T00:00:00.034Z", "stop_date": "2026-01-01T00:00:00.040Z"}]}
                """, Graph.class);
        List<Long> handOffs = new ArrayList<>();

        HandOffs.each(graph, handOffs::add);

        assertThat(handOffs).containsExactly(4_000L);
    }

    @Test
    void aNodeThatNeverStartedHasNoHandOff() {
        Graph graph = Json.read("""
                {"edges": [[0, 1]], "nodes": [
                  {"id": 0, "state": 4, "start_date": "2026-01-01T00:00:00Z", "stop_date": "2026-01-01T00:00:00.010Z"},
                  {"id": 1, "state": 5}]}
                """, Graph.class);
        List<Long> handOffs = new ArrayList<>();

        HandOffs.each(graph, handOffs::add);

        assertThat(handOffs).isEmpty();
    }
}
