package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import org.gorchestrator.model.Graph;

/** How a run is shown while a command follows it: redrawn in place on a terminal, or as plain lines for a pipe or a file. */
sealed interface RunDisplay permits LiveDisplay, PlainDisplay {

    /** The run as it is now: first as it was found, then at each change, the last time finished. */
    void show(Graph graph);

    /** The command stopped waiting before the run finished. */
    void gaveUp(Graph last, Duration waited);

    /** Live on a terminal (Java sees a console: stdin and stdout are one), plain lines otherwise. */
    static RunDisplay forTerminal(boolean terminal, PrintWriter out, Clock clock) {
        if (!terminal) {
            return new PlainDisplay(out, clock);
        }
        return new LiveDisplay(out, clock, Terminal.columns(), Terminal.colours());
    }
}
