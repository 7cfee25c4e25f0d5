package org.gorchestrator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's threads per operation, beside JMH's wall-clock score. On a shared
 * machine other processes stretch the wall clock (a run waits for a core) much more than the CPU
 * time the operation itself needs, so the two together tell how loaded the machine was. A worker
 * thread started during the first iteration is counted from its start, setup included: read it
 * after at least one warm-up iteration, as the suite's plans do.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    static final String CPU_TIME = "cpu.time.norm";
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        startNanos = workerCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long operations = result.getMetadata().getMeasuredOps();
        double perOperation = operations == 0 ? Double.NaN : (workerCpuNanos() - startNanos) / (double) operations;
        return List.of(new ScalarResult(CPU_TIME, perOperation, "ns/op", AggregationPolicy.AVG));
    }

    /** JMH runs the benchmark method on threads named "...-jmh-worker-N". */
    private long workerCpuNanos() {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains("jmh-worker")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }
}
