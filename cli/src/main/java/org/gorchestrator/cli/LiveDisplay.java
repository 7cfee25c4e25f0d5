package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * A run on a terminal: failures printed as they happen and kept, below them a status block redrawn in place - a progress bar
 * of the nodes done out of all, and the nodes running now - and at the end the outcome in its colour.
 */
final class LiveDisplay implements RunDisplay {
    private static final int BAR_WIDTH = 24;
    private static final char FULL = '█';
    private static final char EMPTY = '░';

    private final PrintWriter out;
    private final Clock clock;
    private final int columns;
    private final boolean colours;
    private final Map<Integer, State> seen = NodeChange.none();
    private boolean started;
    /** Lines of the status block now on the screen, below the cursor's line start. */
    private int drawn;

    LiveDisplay(PrintWriter out, Clock clock, int columns, boolean colours) {
        this.out = out;
        this.clock = clock;
        this.columns = columns;
        this.colours = colours;
    }

    @Override
    public void show(Graph graph) {
        List<String> kept = new ArrayList<>();
        if (!started) {
            kept.add(paint(Style.bold, PlainDisplay.name(graph)) + "  " + graph.id());
            started = true;
        }
        for (NodeChange change : NodeChange.since(seen, graph)) {
            if (change.wentWrong()) {
                kept.add(paint(Style.fg_red, "✗ ") + change.describe());
            }
        }
        Progress progress = Progress.of(graph, clock);
        if (graph.state().isFinished()) {
            kept.add(outcome(graph, progress));
            redraw(kept, List.of());
        } else {
            redraw(kept, status(graph, progress));
        }
    }

    @Override
    public void gaveUp(Graph last, Duration waited) {
        Progress progress = Progress.of(last, clock);
        redraw(List.of(paint(Style.fg_yellow, "… still " + last.stateName()) + " after " + Progress.format(waited) + ": "
                + progress.fraction() + " nodes done"), List.of());
    }

    private List<String> status(Graph graph, Progress progress) {
        List<String> block = new ArrayList<>();
        block.add(bar(progress) + " " + progress.fraction() + "  " + graph.stateName() + "  " + Progress.format(progress.elapsed()));
        if (!progress.running().isEmpty()) {
            block.add(clip("  running: " + String.join(", ", progress.running())));
        }
        return block;
    }

    private String bar(Progress progress) {
        int full = progress.total() == 0 ? BAR_WIDTH : progress.done() * BAR_WIDTH / progress.total();
        return paint(Style.fg_green, String.valueOf(FULL).repeat(full)) + String.valueOf(EMPTY).repeat(BAR_WIDTH - full);
    }

    private String outcome(Graph graph, Progress progress) {
        State state = graph.state();
        String mark = state == State.SUCCESS ? "✓ " : "✗ ";
        Style colour = state == State.SUCCESS ? Style.fg_green : state == State.FAILURE ? Style.fg_red : Style.fg_yellow;
        return paint(colour, mark + state.label()) + "  " + progress.fraction() + " in " + Progress.format(progress.elapsed()) + ": "
                + progress.outcome();
    }

    /** Erases the status block, prints the lines to keep, then the new block: one write, so the screen does not flicker. */
    private void redraw(List<String> kept, List<String> block) {
        StringBuilder screen = new StringBuilder(Terminal.erase(drawn));
        kept.forEach(line -> screen.append(line).append('\n'));
        block.forEach(line -> screen.append(line).append('\n'));
        drawn = block.size();
        out.print(screen);
        out.flush();
    }

    /** A line of the block must not wrap, or erasing it would miss its second half. */
    private String clip(String text) {
        int room = columns - 1;
        return text.length() <= room ? text : text.substring(0, room - 1) + "…";
    }

    private String paint(Style style, String text) {
        return Terminal.paint(colours, style, text);
    }
}
