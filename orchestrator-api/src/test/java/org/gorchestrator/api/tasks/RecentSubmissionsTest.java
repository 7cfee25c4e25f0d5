package org.gorchestrator.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class RecentSubmissionsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final int oneGraph = Json.write(graph("a")).length;
    private final RecentSubmissions recent = new RecentSubmissions(2L * oneGraph, Duration.ofMinutes(1), clock);

    @Test
    void findsWhatItRemembers() {
        Graph graph = graph("a");
        recent.remember(graph);

        assertThat(recent.find("a")).contains(graph);
        assertThat(recent.find("b")).isEmpty();
    }

    @Test
    void forgetsTheOldestBeyondItsBudget() {
        recent.remember(graph("a"));
        recent.remember(graph("b"));
        recent.remember(graph("c"));

        assertThat(recent.find("a")).isEmpty();
        assertThat(recent.find("b")).isPresent();
        assertThat(recent.find("c")).isPresent();
    }

    @Test
    void forgetsASubmissionOnceItsTimeIsUp() {
        recent.remember(graph("a"));

        clock.advance(Duration.ofSeconds(59));
        assertThat(recent.find("a")).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(recent.find("a")).isEmpty();
    }

    @Test
    void forgetsWhatTheViewShows() {
        recent.remember(graph("a"));
        recent.forget("a");

        assertThat(recent.find("a")).isEmpty();
    }

    @Test
    void countsARememberedAgainWorkflowOnce() {
        recent.remember(graph("a"));
        recent.remember(graph("a"));
        recent.remember(graph("b"));

        assertThat(recent.find("a")).isPresent();
        assertThat(recent.find("b")).isPresent();
    }

    @Test
    void keepsNoDocumentLargerThanTheWholeBudget() {
        RecentSubmissions small = new RecentSubmissions(oneGraph - 1, Duration.ofMinutes(1), clock);
        small.remember(graph("a"));

        assertThat(small.find("a")).isEmpty();
    }

    private static Graph graph(String id) {
        return Graphs.seedExample().withId(id);
    }
}
