package org.gorchestrator.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/** The workflows the driver submits; every node is {@code nil}, so what is measured is the orchestrator alone. */
public enum Scenario {
    /** The seed's 8-node example graph (its digraph matrix). */
    SEED,
    /** 100 nodes, each with 0 to 3 edges from earlier nodes (seeded: the same graph every time). */
    RANDOM100,
    /** One root, 998 parallel nodes, one sink: 1,000 nodes, the API's default limit. */
    FANOUT1000,
    /** One node: the raw dispatch rate. */
    SINGLE;

    /** The seed's example.json matrix, row by row. */
    private static final List<Integer> SEED_DIGRAPH = List.of(
            0, 1, 0, 0, 1, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 1, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 1, 0, 0, 0, 1, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            1, 1, 1, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 1, 0);

    public Graph graph() {
        return switch (this) {
            case SEED -> Graph.of("load-seed", SEED_DIGRAPH, nilNodes(8));
            case RANDOM100 -> Graph.sparse("load-random100", randomEdges(100), nilNodes(100));
            case FANOUT1000 -> Graph.sparse("load-fanout1000", fanOutEdges(998), nilNodes(1_000));
            case SINGLE -> Graph.of("load-single", List.of(0), nilNodes(1));
        };
    }

    /** The request body, the same for every submission of this scenario. */
    public byte[] document() {
        return Json.write(graph());
    }

    public int nodes() {
        return graph().nodes().size();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scenario parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    private static List<Node> nilNodes(int n) {
        List<Node> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes.add(Node.of(i, "n" + i, "nil", null, List.of()));
        }
        return nodes;
    }

    private static List<List<Integer>> randomEdges(int n) {
        Random random = new Random(42);
        List<List<Integer>> edges = new ArrayList<>();
        for (int to = 1; to < n; to++) {
            int parents = random.nextInt(Math.min(3, to) + 1);
            for (int p = 0; p < parents; p++) {
                edges.add(List.of(random.nextInt(to), to));
            }
        }
        return edges;
    }

    private static List<List<Integer>> fanOutEdges(int width) {
        int sink = width + 1;
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            edges.add(List.of(0, i));
            edges.add(List.of(i, sink));
        }
        return edges;
    }
}
