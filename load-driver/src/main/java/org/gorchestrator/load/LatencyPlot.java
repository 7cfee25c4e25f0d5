package org.gorchestrator.load;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * An SVG of latency against offered load, written by hand: one panel for submit → finish, one for
 * the hand-off between nodes (with the targets drawn in), each with its p50, p95 and p99 lines.
 */
final class LatencyPlot {
    private static final int PANEL_W = 440;
    private static final int PANEL_H = 300;
    private static final int MARGIN = 60;
    private static final String[] COLORS = {"#1b9e77", "#d95f02", "#7570b3"};
    private static final String[] NAMES = {"p50", "p95", "p99"};

    private LatencyPlot() {}

    static String svg(List<Measurement> results) {
        List<Measurement> byLoad = results.stream().sorted(Comparator.comparingDouble(Measurement::offeredRate)).toList();
        int secondLeft = 2 * MARGIN + PANEL_W + 40;
        int width = secondLeft + PANEL_W + 40;
        int height = PANEL_H + 2 * MARGIN + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        String scenario = byLoad.isEmpty() ? "" : byLoad.get(0).scenario();
        panel(svg, MARGIN, "submit → finish, scenario " + scenario, byLoad, Measurement::submitToFinish, List.of());
        panel(svg, secondLeft, "hand-off between nodes", byLoad, Measurement::handOff, List.of(15.0, 60.0));
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, int left, String title, List<Measurement> points, Function<Measurement, Latencies> pick, List<Double> targets) {
        int top = MARGIN;
        double maxX = nice(points.stream().mapToDouble(Measurement::offeredRate).max().orElse(1));
        double maxY = nice(Math.max(points.stream().mapToDouble(m -> pick.apply(m).p99()).max().orElse(1),
                targets.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", left, top - 20, title));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                left, top, PANEL_W, PANEL_H));
        for (int i = 0; i <= 5; i++) {
            double x = left + PANEL_W * i / 5.0;
            double y = top + PANEL_H - PANEL_H * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n", x, top, x, top + PANEL_H));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n", left, y, left + PANEL_W, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, top + PANEL_H + 16, label(maxX * i / 5)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left - 6, y + 4, label(maxY * i / 5)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered load, workflows/s</text>%n",
                left + PANEL_W / 2, top + PANEL_H + 36));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-90)\" text-anchor=\"middle\">latency, ms</text>%n",
                left - 44, top + PANEL_H / 2));
        for (double target : targets) {
            double y = top + PANEL_H - PANEL_H * target / maxY;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"6,4\"/>%n",
                    left, y, left + PANEL_W, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#c00\" text-anchor=\"end\">target %s ms</text>%n",
                    left + PANEL_W - 4, y - 4, label(target)));
        }
        List<ToDoubleFunction<Latencies>> series = List.of(Latencies::p50, Latencies::p95, Latencies::p99);
        for (int s = 0; s < series.size(); s++) {
            StringBuilder line = new StringBuilder();
            for (Measurement m : points) {
                double x = left + PANEL_W * m.offeredRate() / maxX;
                double y = top + PANEL_H - PANEL_H * series.get(s).applyAsDouble(pick.apply(m)) / maxY;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, COLORS[s]));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    line.toString().trim(), COLORS[s]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", left + 10 + 50 * s, top + 18, COLORS[s], NAMES[s]));
        }
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}, so that ticks fall on round numbers. */
    private static double nice(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
