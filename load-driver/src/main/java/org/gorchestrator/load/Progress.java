package org.gorchestrator.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line every few seconds otherwise
 * (a log file or CI), so that a long run shows it is alive without flooding its log.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out = System.err;
    private final boolean terminal = System.console() != null;
    private final String label;
    private final DoubleSupplier fraction;
    private final Supplier<String> status;
    private final ScheduledFuture<?> task;

    Progress(String label, DoubleSupplier fraction, Supplier<String> status, ScheduledExecutorService timer) {
        this.label = label;
        this.fraction = fraction;
        this.status = status;
        long every = terminal ? 200 : 5_000;
        this.task = timer.scheduleAtFixedRate(this::draw, every, every, TimeUnit.MILLISECONDS);
    }

    private void draw() {
        double done = Math.max(0, Math.min(1, fraction.getAsDouble()));
        int filled = (int) Math.round(done * WIDTH);
        String line = String.format(Locale.ROOT, "%-22s [%s%s] %3.0f%% %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done * 100, status.get());
        out.print(terminal ? "\r" + line + "\033[K" : line + "\n");
        out.flush();
    }

    @Override
    public void close() {
        task.cancel(false);
        draw();
        if (terminal) {
            out.println();
        }
    }
}
