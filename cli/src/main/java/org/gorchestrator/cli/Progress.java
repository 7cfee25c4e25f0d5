package org.gorchestrator.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/** Where a run stands: nodes done out of all, the nodes running now, how many ended in each state, time so far. */
record Progress(int done, int total, List<String> running, Map<State, Long> counts, Duration elapsed) {

    static Progress of(Graph graph, Clock clock) {
        List<Node> nodes = graph.nodes();
        Map<State, Long> counts = new EnumMap<>(State.class);
        counts.putAll(nodes.stream().collect(Collectors.groupingBy(Node::state, Collectors.counting())));
        int done = (int) nodes.stream().filter(node -> node.state().isFinished()).count();
        List<String> running = nodes.stream().filter(node -> node.state() == State.RUNNING).map(Node::displayName).map(Printable::of).toList();
        return new Progress(done, nodes.size(), running, counts, elapsed(graph, clock));
    }

    /** {@code 6 success, 1 failure, 1 notrunnable}: the finished nodes by state. */
    String outcome() {
        return counts.entrySet().stream().filter(e -> e.getKey().isFinished())
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }

    /** {@code 4/8}. */
    String fraction() {
        return done + "/" + total;
    }

    /** 2.1s, 1m05s: short, for a line that is redrawn. */
    static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, millis / 1000 % 60);
    }

    private static Duration elapsed(Graph graph, Clock clock) {
        if (graph.startDate() == null) {
            return Duration.ZERO;
        }
        Instant end = graph.stopDate() != null && graph.state().isFinished() ? graph.stopDate() : clock.instant();
        return Duration.between(graph.startDate(), end);
    }
}
