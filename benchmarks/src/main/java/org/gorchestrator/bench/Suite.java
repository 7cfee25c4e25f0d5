package org.gorchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.Graphs;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the JMH benchmarks and the memory measurement of a {@link Plan}, and gathers their {@link Report}. */
public final class Suite {
    private static final String ALLOCATED = "gc.alloc.rate.norm";
    /** Every benchmark method of a class. */
    private static final String ALL = ".*";
    private final Plan plan;

    public Suite(Plan plan) {
        this.plan = plan;
    }

    public Report run() throws RunnerException {
        MachineLoad load = new MachineLoad();
        RunResult seed = jmh(SeedBenchmark.class, ALL, null, List.of()).iterator().next();
        List<Report.Scaling> scaling = new ArrayList<>();
        for (RunResult r : jmh(ScalingBenchmark.class, ALL, "nodes", plan.scalingSizes())) {
            Shape shape = Shape.valueOf(r.getParams().getParam("shape"));
            int nodes = Integer.parseInt(r.getParams().getParam("nodes"));
            scaling.add(new Report.Scaling(shape, nodes, edges(shape.build(nodes)), nanos(r), cpuNanos(r), allocated(r)));
        }
        scaling.sort(Comparator.comparing(Report.Scaling::shape).thenComparing(Report.Scaling::nodes));
        List<Report.Parse> parse = new ArrayList<>();
        for (RunResult r : jmh(ParseBenchmark.class, "parseAndValidate", "nodes", plan.parseSizes())) {
            ParseBenchmark.Form form = ParseBenchmark.Form.valueOf(r.getParams().getParam("form"));
            int nodes = Integer.parseInt(r.getParams().getParam("nodes"));
            long jsonBytes = ParseBenchmark.document(form, nodes).length;
            parse.add(new Report.Parse(form, nodes, edges(Shape.RANDOM.build(nodes)), jsonBytes, nanos(r), cpuNanos(r), allocated(r)));
        }
        parse.sort(Comparator.comparing(Report.Parse::nodes).thenComparing(Report.Parse::form));
        List<Report.RoundTrip> roundTrips = new ArrayList<>();
        for (RunResult r : jmh(StoreRoundTripBenchmark.class, ALL, "nodes", plan.roundTripSizes())) {
            int nodes = Integer.parseInt(r.getParams().getParam("nodes"));
            roundTrips.add(new Report.RoundTrip(nodes, edges(Shape.RANDOM.build(nodes)), StoreRoundTripBenchmark.storedBytes(nodes),
                    nanos(r), cpuNanos(r), allocated(r)));
        }
        roundTrips.sort(Comparator.comparing(Report.RoundTrip::nodes));
        double seedError = seed.getPrimaryResult().getScoreError() * nanos(seed) / seed.getPrimaryResult().getScore();
        List<Report.Footprint> footprints = footprints();
        return new Report(machine() + "; " + load.summary(), new Report.Seed(nanos(seed), seedError, cpuNanos(seed), allocated(seed)),
                scaling, parse, roundTrips, footprints);
    }

    private List<Report.Footprint> footprints() {
        List<Report.Footprint> rows = new ArrayList<>();
        rows.add(footprint("seed example", Graphs.seedExampleWith("nil")));
        for (int nodes : plan.footprintSizes()) {
            rows.add(footprint("random", Shape.RANDOM.build(nodes)));
        }
        return rows;
    }

    private Report.Footprint footprint(String name, Graph graph) {
        int nodes = graph.nodes().size();
        int copies = Math.max(1, plan.footprintNodes() / nodes);
        return new Report.Footprint(name, nodes, edges(graph), copies, StateFootprint.bytesPerWorkflow(graph, copies));
    }

    /** Runs {@code benchmark}'s methods matching {@code method} (a regular expression) for each value of {@code param}. */
    private Collection<RunResult> jmh(Class<?> benchmark, String method, String param, List<Integer> values) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\." + method + "$")
                .forks(plan.forks())
                .warmupIterations(plan.warmups())
                .warmupTime(plan.iteration())
                .measurementIterations(plan.measurements())
                .measurementTime(plan.iteration())
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(true);
        if (param != null) {
            options.param(param, values.stream().map(String::valueOf).toArray(String[]::new));
        }
        return new Runner(options.build()).run();
    }

    /** The primary score in nanoseconds per operation, whatever unit the benchmark reports in. */
    static double nanos(RunResult result) {
        String unit = result.getPrimaryResult().getScoreUnit();
        double perNano = switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalStateException("not a time per operation: " + unit);
        };
        return result.getPrimaryResult().getScore() * perNano;
    }

    private static double allocated(RunResult result) {
        return secondary(result, ALLOCATED);
    }

    private static double cpuNanos(RunResult result) {
        return secondary(result, CpuTimeProfiler.CPU_TIME);
    }

    private static double secondary(RunResult result, String name) {
        var secondary = result.getSecondaryResults().get(name);
        return secondary == null ? Double.NaN : secondary.getScore();
    }

    private static int edges(Graph graph) {
        return Dag.of(graph).edgeCount();
    }

    /** Cores, CPU model and JVM, so that every number says where it was measured. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU stays unnamed
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", Java " + System.getProperty("java.vm.version")
                + ", " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB max heap";
    }
}
