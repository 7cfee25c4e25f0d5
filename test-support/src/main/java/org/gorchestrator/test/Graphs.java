package org.gorchestrator.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/** Graph builders for tests and benchmarks. Every builder returns a valid document unless it says otherwise. */
public final class Graphs {
    private Graphs() {}

    /** The seed's {@code example.json}, byte for byte. */
    public static String seedExampleJson() {
        try (InputStream in = Graphs.class.getResourceAsStream("/seed/example.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Graph seedExample() {
        return Json.read(seedExampleJson(), Graph.class);
    }

    /** The seed example's matrix with every node turned into {@code engine} (e.g. nil for the benchmark). */
    public static Graph seedExampleWith(String engine) {
        Graph seed = seedExample();
        List<Node> nodes = seed.nodes().stream()
                .map(n -> Node.of(n.id(), n.name(), engine, null, List.of()))
                .toList();
        return seed.withNodes(nodes);
    }

    /** n nodes in a line: 0 → 1 → … → n-1. */
    public static Graph chain(int n, IntFunction<Node> node) {
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            edges.add(List.of(i, i + 1));
        }
        return Graph.sparse("chain-" + n, edges, nodes(n, node));
    }

    /** One root, {@code width} parallel nodes, one sink: n = width + 2. */
    public static Graph fanOutFanIn(int width, IntFunction<Node> node) {
        int n = width + 2;
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            edges.add(List.of(0, i));
            edges.add(List.of(i, n - 1));
        }
        return Graph.sparse("fan-" + width, edges, nodes(n, node));
    }

    /** A random DAG: each node gets up to {@code maxParents} edges from earlier nodes. */
    public static Graph randomDag(int n, int maxParents, long seed, IntFunction<Node> node) {
        Random random = new Random(seed);
        List<List<Integer>> edges = new ArrayList<>();
        for (int to = 1; to < n; to++) {
            int parents = random.nextInt(Math.min(maxParents, to) + 1);
            for (int p = 0; p < parents; p++) {
                edges.add(List.of(random.nextInt(to), to));
            }
        }
        return Graph.sparse("random-" + n + "-" + seed, edges, nodes(n, node));
    }

    /** The same graph with a dense {@code digraph} matrix instead of the edge list. */
    public static Graph dense(Graph sparse) {
        int n = sparse.nodes().size();
        Integer[] matrix = new Integer[n * n];
        Arrays.fill(matrix, 0);
        sparse.edges().forEach(e -> matrix[e.get(0) * n + e.get(1)] = 1);
        return sparse.withEdges(Arrays.asList(matrix), null);
    }

    public static IntFunction<Node> nil() {
        return i -> Node.of(i, "n" + i, "nil", null, List.of());
    }

    public static IntFunction<Node> shell(String artifact, String... args) {
        return i -> Node.of(i, "n" + i, "shell", artifact, List.of(args));
    }

    private static List<Node> nodes(int n, IntFunction<Node> node) {
        List<Node> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes.add(node.apply(i));
        }
        return nodes;
    }
}
