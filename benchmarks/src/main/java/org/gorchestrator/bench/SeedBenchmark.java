package org.gorchestrator.bench;

import java.util.concurrent.TimeUnit;
import org.gorchestrator.engine.EngineDriver;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.Graphs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The seed's own benchmark: its 8-node example graph, every node nil, from submit to success. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SeedBenchmark {
    private final EngineDriver driver = new EngineDriver();
    private Graph seed;

    @Setup
    public void setUp() {
        seed = Graphs.seedExampleWith("nil");
    }

    @Benchmark
    public EngineDriver.Outcome seedGraph() {
        return driver.run(seed);
    }
}
