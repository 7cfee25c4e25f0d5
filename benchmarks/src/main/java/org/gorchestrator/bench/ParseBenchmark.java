package org.gorchestrator.bench;

import java.util.concurrent.TimeUnit;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.GraphValidator;
import org.gorchestrator.validation.Limits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the API does with a submitted body: JSON → {@link Graph}, then validation, which also
 * builds the DAG. The same random DAG as a dense {@code digraph} matrix or as sparse {@code edges}.
 * The 10,000-node matrix is 10⁸ entries (about 200 MB of JSON), hence the large heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = {"-Xmx6g"})
public class ParseBenchmark {
    /** The form of the edges in the document. */
    public enum Form { DIGRAPH, EDGES }

    @Param({"DIGRAPH", "EDGES"})
    public Form form;

    @Param({"100", "1000", "10000"})
    public int nodes;

    private byte[] json;
    private GraphValidator validator;
    private final DocumentReader reader = new DocumentReader();

    @Setup
    public void setUp() {
        json = document(form, nodes);
        validator = new GraphValidator(limitsFor(nodes));
    }

    @Benchmark
    public Dag parseAndValidate() {
        return validator.check(Json.read(json, Graph.class));
    }

    /** The API's own read of a body: strict types, unknown and repeated fields refused (no validation). */
    @Benchmark
    public Graph readStrictly() {
        return reader.read(json);
    }

    /** The benchmark's document as the API would receive it. */
    public static byte[] document(Form form, int nodes) {
        Graph sparse = Shape.RANDOM.build(nodes);
        return Json.write(form == Form.EDGES ? sparse : Graphs.dense(sparse));
    }

    /** The default limits, raised enough for {@code nodes} nodes of a random DAG, its state's size included. */
    public static Limits limitsFor(int nodes) {
        Limits d = Limits.DEFAULTS;
        return new Limits(Math.max(d.maxNodes(), nodes), Math.max(d.maxEdges(), nodes * Shape.MAX_PARENTS),
                d.maxArgs(), d.maxArgLength(), d.maxTextLength(), d.maxTimeoutSeconds(), d.engines()).withMaxDocumentBytes(Long.MAX_VALUE);
    }
}
