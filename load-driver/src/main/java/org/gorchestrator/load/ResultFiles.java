package org.gorchestrator.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gorchestrator.json.Json;

/**
 * Writes a run's measurements: results.csv, results.json and, for a sweep, latency.svg. {@code bytes_per_node} is what
 * the run added to the broker's topics per node (0 without {@code --kafka}); results.json has it per topic, and the
 * broker's requests by type with {@code --broker-jmx}. {@code answer_*} is from each graph's {@code stop_date} to the driver
 * holding its finished document (*stop → answer* in the table).
 */
final class ResultFiles {
    static final String CSV_HEADER = "scenario,nodes_per_workflow,target_rate,offered_rate,seconds,submitted,rejected,succeeded,failed,unfinished,"
            + "workflows_per_s,nodes_per_s,finish_p50_ms,finish_p95_ms,finish_p99_ms,finish_max_ms,"
            + "handoffs,handoff_p50_ms,handoff_p95_ms,handoff_p99_ms,handoff_max_ms,bytes_per_node,"
            + "answer_p50_ms,answer_p95_ms,answer_p99_ms,answer_max_ms";

    private ResultFiles() {}

    /** Writes the files into {@code dir} (created if missing) and returns their paths. */
    static List<Path> write(Path dir, List<Measurement> results) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(dir.resolve("results.csv"), csv(results)));
        written.add(Files.writeString(dir.resolve("results.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n"));
        if (results.size() > 1) {
            written.add(Files.writeString(dir.resolve("latency.svg"), LatencyPlot.svg(results)));
        }
        return written;
    }

    static String csv(List<Measurement> results) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Measurement m : results) {
            Latencies f = m.submitToFinish();
            Latencies h = m.handOff();
            Latencies a = m.stopToAnswer();
            csv.append(String.format(Locale.ROOT, "%s,%d,%.2f,%.2f,%.3f,%d,%d,%d,%d,%d,%.2f,%.1f,%.3f,%.3f,%.3f,%.3f,%d,%.3f,%.3f,%.3f,%.3f,%.1f,"
                            + "%.3f,%.3f,%.3f,%.3f%n",
                    m.scenario(), m.nodesPerWorkflow(), m.targetRate(), m.offeredRate(), m.seconds(), m.submitted(), m.rejected(),
                    m.succeeded(), m.failed(), m.unfinished(), m.workflowsPerSecond(), m.nodesPerSecond(),
                    f.p50(), f.p95(), f.p99(), f.max(), h.count(), h.p50(), h.p95(), h.p99(), h.max(), m.bytesPerNode().perNode(null),
                    a.p50(), a.p95(), a.p99(), a.max()));
        }
        return csv.toString();
    }

    /** The measurements as a Markdown table, for the terminal and for BENCHMARKS.md. */
    static String table(List<Measurement> results) {
        StringBuilder md = new StringBuilder("| scenario | target | offered wf/s | done | unfinished | wf/s | nodes/s "
                + "| finish p50 / p95 / p99 / max ms | hand-off p50 / p95 / p99 / max ms | stop → answer p50 / p99 ms |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : results) {
            Latencies f = m.submitToFinish();
            Latencies h = m.handOff();
            Latencies a = m.stopToAnswer();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %,d | %,d | %.1f | %,.0f | %.1f / %.1f / %.1f / %.1f | %.1f / %.1f / %.1f / %.1f "
                            + "| %.1f / %.1f |%n",
                    m.scenario(), m.targetLabel(), m.offeredRate(), m.succeeded() + m.failed(), m.unfinished(), m.workflowsPerSecond(),
                    m.nodesPerSecond(), f.p50(), f.p95(), f.p99(), f.max(), h.p50(), h.p95(), h.p99(), h.max(), a.p50(), a.p99()));
        }
        return md.toString();
    }
}
