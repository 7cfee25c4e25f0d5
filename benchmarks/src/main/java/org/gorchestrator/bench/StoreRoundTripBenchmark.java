package org.gorchestrator.bench;

import java.util.concurrent.TimeUnit;
import org.gorchestrator.engine.EngineDriver;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeEvent;
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
 * One node event as the conductor handled it until it stored workflows in parts: the workflow's
 * whole document is read from JSON, turned into a {@link WorkflowState}, the event decided, and
 * the whole document written back. The conductor's {@code WorkflowStore} now writes only the
 * nodes an event changed; this round trip remains the path of a workflow stored by an earlier
 * version, and the baseline of earlier figures. The workflow is a random DAG half way
 * through its run, so the document carries run results for half its nodes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreRoundTripBenchmark {
    @Param({"10", "100", "1000", "10000"})
    public int nodes;

    private final DagEngine engine = new DagEngine();
    private byte[] stored;
    private NodeEvent event;

    @Setup
    public void setUp() {
        EngineDriver.Midway midway = new EngineDriver().runUntil(Shape.RANDOM.build(nodes), nodes / 2);
        stored = Json.write(midway.state().toGraph());
        event = EngineDriver.succeeded(midway.inFlight().get(0));
    }

    @Benchmark
    public byte[] event() {
        WorkflowState state = WorkflowState.of(Json.read(stored, Graph.class));
        engine.decide(state, event);
        return Json.write(state.toGraph());
    }

    /** The size of the stored document, in bytes. */
    public static int storedBytes(int nodes) {
        StoreRoundTripBenchmark benchmark = new StoreRoundTripBenchmark();
        benchmark.nodes = nodes;
        benchmark.setUp();
        return benchmark.stored.length;
    }
}
