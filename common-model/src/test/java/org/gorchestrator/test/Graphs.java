package org.gorchestrator.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/**
 * Graph builders for every module's tests and for the benchmarks: common-model's test-jar is their
 * one home. Every builder returns a valid document unless it says otherwise.
 */
public final class Graphs {
    private Graphs() {}

    /** The seed's {@code example.json}, byte for byte (copied into common-model's src/test/resources/seed). */
    public static String seedExampleJson() {
        try (InputStream in = Graphs.class.getResourceAsStream("/seed/example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
    /** Builds a document node by node, ids in the order the nodes are added; {@link Builder#sparse()} or {@link Builder#dense()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a document node by node; {@link #sparse()} gives it an edge list, {@link #dense()} a matrix. */
    public static final class Builder {
        private final List<Node> nodes = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<List<Integer>> edges = new ArrayList<>();
        private String name = "test";

        public Builder name(String graphName) {
            this.name = graphName;
            return this;
        }

        /** A node of the nil engine. */
        public Builder node(String nodeName) {
            return node(nodeName, "nil", null);
        }

        public Builder node(String nodeName, String engine, String artifact, String... args) {
            int id = nodes.size();
            ids.put(nodeName, id);
            nodes.add(Node.of(id, nodeName, engine, artifact, List.of(args)));
            return this;
        }

        /** Any node at all, e.g. one with a bad id; it is added as given. */
        public Builder rawNode(Node node) {
            if (node.name() != null) {
                ids.put(node.name(), nodes.size());
            }
            nodes.add(node);
            return this;
        }

        /** Declares output names (with empty values) on the node added last. */
        public Builder outputs(String... outputNames) {
            Node last = nodes.remove(nodes.size() - 1);
            Map<String, String> declared = new LinkedHashMap<>();
            for (String output : outputNames) {
                declared.put(output, "");
            }
            nodes.add(last.withOutput(declared));
            return this;
        }

        public Builder edge(String from, String to) {
            return edge(id(from), id(to));
        }

        public Builder edge(int from, int to) {
            edges.add(List.of(from, to));
            return this;
        }

        /** Edges a → b → c → … between named nodes. */
        public Builder chain(String... names) {
            for (int i = 0; i + 1 < names.length; i++) {
                edge(names[i], names[i + 1]);
            }
            return this;
        }

        public Graph sparse() {
            return Graph.sparse(name, edges, nodes);
        }

        public Graph dense() {
            return Graphs.dense(sparse());
        }

        private int id(String nodeName) {
            Integer id = ids.get(nodeName);
            if (id == null) {
                throw new IllegalArgumentException("no node named " + nodeName);
            }
            return id;
        }
    }
}
