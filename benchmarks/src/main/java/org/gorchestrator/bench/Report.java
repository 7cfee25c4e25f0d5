package org.gorchestrator.bench;

import java.util.List;
import java.util.Locale;

/** What one run of the suite measured, and its Markdown tables. */
public record Report(String machine, Seed seed, List<Scaling> scaling, List<Parse> parse, List<RoundTrip> roundTrips,
                     List<Footprint> footprint) {

    /** The seed's benchmark: wall-clock time (with JMH's 99.9% error), CPU time and allocation per graph. */
    public record Seed(double nsPerGraph, double error, double cpuNsPerGraph, double bytesPerGraph) {}

    /** One whole run of a shape: wall-clock time, CPU time and allocation per run. */
    public record Scaling(Shape shape, int nodes, int edges, double nsPerRun, double cpuNsPerRun, double bytesPerRun) {}

    /** Parse + validate of one document. */
    public record Parse(ParseBenchmark.Form form, int nodes, int edges, long jsonBytes, double nsPerDocument, double cpuNsPerDocument,
                        double bytesPerDocument) {}

    /** One event handled as the conductor does, the workflow's document read from and written back to JSON. */
    public record RoundTrip(int nodes, int edges, long storedBytes, double nsPerEvent, double cpuNsPerEvent, double bytesPerEvent) {}

    /** The retained heap of one in-flight workflow. */
    public record Footprint(String graph, int nodes, int edges, int copies, long bytesPerWorkflow) {}

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        line(md, "Machine: %s", machine);
        line(md, "");
        line(md, "| seed graph, 8 nodes, submit → success | µs per graph | ± (99.9%%) | CPU µs per graph | graphs per second | allocated per graph |");
        line(md, "|---|---:|---:|---:|---:|---:|");
        line(md, "| pure engine | %.2f | %s | %.2f | %,.0f | %,.0f B |", seed.nsPerGraph / 1e3,
                Double.isNaN(seed.error) ? "n/a" : String.format(Locale.ROOT, "%.2f", seed.error / 1e3), seed.cpuNsPerGraph / 1e3,
                1e9 / seed.nsPerGraph, seed.bytesPerGraph);
        line(md, "");
        line(md, "| shape | nodes | edges | µs per run | ns per node | CPU ns per node | allocated per node |");
        line(md, "|---|---:|---:|---:|---:|---:|---:|");
        for (Scaling s : scaling) {
            line(md, "| %s | %,d | %,d | %,.1f | %,.0f | %,.0f | %,.0f B |", s.shape.label(), s.nodes, s.edges, s.nsPerRun / 1e3,
                    s.nsPerRun / s.nodes, s.cpuNsPerRun / s.nodes, s.bytesPerRun / s.nodes);
        }
        line(md, "");
        line(md, "| form | nodes | edges | JSON size | parse + validate, ms | CPU ms | µs per node | allocated per document |");
        line(md, "|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Parse p : parse) {
            line(md, "| %s | %,d | %,d | %s | %,.2f | %,.2f | %,.2f | %s |", p.form.name().toLowerCase(Locale.ROOT), p.nodes, p.edges,
                    size(p.jsonBytes), p.nsPerDocument / 1e6, p.cpuNsPerDocument / 1e6, p.nsPerDocument / 1e3 / p.nodes,
                    size((long) p.bytesPerDocument));
        }
        line(md, "");
        line(md, "| one event, document through JSON as in the conductor's store | nodes | edges | stored document | µs per event "
                + "| CPU µs per event | allocated per event |");
        line(md, "|---|---:|---:|---:|---:|---:|---:|");
        for (RoundTrip r : roundTrips) {
            line(md, "| random DAG half way | %,d | %,d | %s | %,.1f | %,.1f | %s |", r.nodes, r.edges, size(r.storedBytes),
                    r.nsPerEvent / 1e3, r.cpuNsPerEvent / 1e3, size((long) r.bytesPerEvent));
        }
        line(md, "");
        line(md, "| in-flight workflow | nodes | edges | copies held | retained per workflow | per node |");
        line(md, "|---|---:|---:|---:|---:|---:|");
        for (Footprint f : footprint) {
            line(md, "| %s | %,d | %,d | %,d | %s | %,d B |", f.graph, f.nodes, f.edges, f.copies, size(f.bytesPerWorkflow), f.bytesPerWorkflow / f.nodes);
        }
        return md.toString();
    }

    private static String size(long bytes) {
        if (bytes >= 10L << 20) {
            return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
        }
        if (bytes >= 10L << 10) {
            return String.format(Locale.ROOT, "%,d kB", bytes >> 10);
        }
        return String.format(Locale.ROOT, "%,d B", bytes);
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
