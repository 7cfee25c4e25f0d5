package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;

/**
 * A run as lines that are never redrawn, for pipes, files and CI logs: a first line with the task, then one per node that
 * starts ({@code   d running}) or ends ({@code [3/8] d success}), then the outcome.
 */
final class PlainDisplay implements RunDisplay {
    private final PrintWriter out;
    private final Clock clock;
    private final Map<Integer, State> seen = NodeChange.none();
    private boolean started;
    private int done;

    PlainDisplay(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void show(Graph graph) {
        if (!started) {
            out.println(graph.id() + " " + name(graph) + ": " + graph.stateName() + ", " + graph.nodes().size() + " nodes");
            started = true;
        }
        for (NodeChange change : NodeChange.since(seen, graph)) {
            State now = change.node().state();
            done += (now.isFinished() ? 1 : 0) - (change.before().isFinished() ? 1 : 0);
            if (now == State.RUNNING) {
                out.println("  " + change.describe());
            } else if (now.isFinished()) {
                out.println("[" + done + "/" + graph.nodes().size() + "] " + change.describe());
            }
        }
        if (graph.state().isFinished()) {
            Progress progress = Progress.of(graph, clock);
            out.println(graph.stateName() + " in " + Progress.format(progress.elapsed()) + ": " + progress.outcome());
        }
        out.flush();
    }

    @Override
    public void gaveUp(Graph last, Duration waited) {
        out.println("still " + last.stateName() + " after " + Progress.format(waited) + ": " + Progress.of(last, clock).fraction() + " nodes done");
        out.flush();
    }

    static String name(Graph graph) {
        return graph.name() == null || graph.name().isBlank() ? "(unnamed)" : Printable.of(graph.name());
    }
}
