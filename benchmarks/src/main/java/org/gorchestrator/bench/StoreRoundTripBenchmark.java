package org.gorchestrator.bench;

import java.util.concurrent.TimeUnit;
import org.gorchestrator.model.Graph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole run of a random DAG with the state written to JSON and read back between events, as the
 * conductor's store does: the part of a node's cost that grows with the size of its workflow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreRoundTripBenchmark {
    @Param({"10", "100", "1000"})
    public int nodes;

    private final EngineDriver driver = new EngineDriver();
    private Graph graph;

    @Setup
    public void setUp() {
        graph = Shape.RANDOM.build(nodes);
    }

    @Benchmark
    public EngineDriver.Outcome run() {
        return driver.runThroughStore(graph);
    }
}
