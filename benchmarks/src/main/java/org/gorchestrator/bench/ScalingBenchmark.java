package org.gorchestrator.bench;

import java.util.concurrent.TimeUnit;
import org.gorchestrator.engine.EngineDriver;
import org.gorchestrator.model.Graph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A whole run, submit to success, of each {@link Shape} at growing sizes: the cost per node must stay flat. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScalingBenchmark {
    @Param({"CHAIN", "FAN", "RANDOM"})
    public Shape shape;

    @Param({"10", "100", "1000", "10000", "100000"})
    public int nodes;

    private final EngineDriver driver = new EngineDriver();
    private Graph graph;

    @Setup
    public void setUp() {
        graph = shape.build(nodes);
    }

    @Benchmark
    public EngineDriver.Outcome run() {
        return driver.run(graph);
    }
}
