package org.gorchestrator.testing;

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
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/** Small graph builders for common-model's tests. Node ids follow the order the nodes are added in. */
public final class TestGraphs {
    private TestGraphs() {}

    /** The seed's example.json exactly as shipped (copied into src/test/resources/seed). */
    public static String seedExampleJson() {
        try (InputStream in = TestGraphs.class.getResourceAsStream("/seed/example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Graph seedExample() {
        return Json.read(seedExampleJson(), Graph.class);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code n} nil nodes named n0..n{n-1}, each edge i → j with i < j kept with probability {@code density}. */
    public static Graph randomDag(int n, double density, Random random) {
        Builder b = builder();
        for (int i = 0; i < n; i++) {
            b.node("n" + i);
        }
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (random.nextDouble() < density) {
                    b.edge(i, j);
                }
            }
        }
        return random.nextBoolean() ? b.sparse() : b.dense();
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
            int n = nodes.size();
            Integer[] matrix = new Integer[n * n];
            Arrays.fill(matrix, 0);
            edges.forEach(e -> matrix[e.get(0) * n + e.get(1)] = 1);
            return Graph.of(name, Arrays.asList(matrix), nodes);
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
