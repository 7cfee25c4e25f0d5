package org.gorchestrator.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The edges of a graph in compressed sparse row form, built once per workflow so that walking a
 * node's successors costs O(out-degree) instead of the seed's O(n) matrix row scan.
 * Parallel edges (a matrix entry above 1, or a repeated pair) count once.
 */
public final class Dag {
    private final int size;
    private final int[] succStart;
    private final int[] succ;
    private final int[] predStart;
    private final int[] pred;

    /** {@code succ} holds each node's successors in a row, node 0's first: {@code succStart[v]} is where v's begin. */
    private Dag(int[] succStart, int[] succ) {
        this.size = succStart.length - 1;
        this.succStart = succStart;
        this.succ = succ;
        this.predStart = new int[size + 1];
        this.pred = new int[succ.length];
        for (int to : succ) {
            predStart[to]++;
        }
        runningSums(predStart);
        // predStart[v] now ends v's predecessors; filling backwards moves it to their start, and
        // leaves each node's predecessors in ascending order.
        for (int from = size - 1; from >= 0; from--) {
            for (int k = succStart[from + 1] - 1; k >= succStart[from]; k--) {
                pred[--predStart[succ[k]]] = from;
            }
        }
    }

    /**
     * Builds the DAG of a graph whose shape is already valid (see {@code GraphValidator}): a square
     * matrix or in-range pairs. Does not check for cycles; see {@link #findCycle()}.
     */
    public static Dag of(Graph graph) {
        int n = graph.nodes().size();
        if (graph.edges() != null) {
            return fromPairs(n, graph.edges());
        }
        return fromMatrix(n, graph.digraph() == null ? List.of() : graph.digraph());
    }

    public static Dag fromMatrix(int n, List<Integer> matrix) {
        // Indexed rather than iterated: the parsed matrix is an array-backed list, and an iterator
        // per pass was a visible share of a small graph's whole run.
        int entries = matrix.size();
        int[] succStart = new int[n + 1];
        for (int i = 0; i < entries; i++) {
            if (isEdge(matrix.get(i))) {
                succStart[i / n + 1]++;
            }
        }
        runningSums(succStart);
        int[] succ = new int[succStart[n]];
        int k = 0;
        for (int i = 0; i < entries; i++) {
            if (isEdge(matrix.get(i))) {
                succ[k++] = i % n;
            }
        }
        return new Dag(succStart, succ);
    }

    private static boolean isEdge(Integer entry) {
        return entry != null && entry != 0;
    }

    public static Dag fromPairs(int n, List<List<Integer>> pairs) {
        long[] packed = new long[pairs.size()];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = ((long) pairs.get(i).get(0) << 32) | pairs.get(i).get(1);
        }
        Arrays.sort(packed);
        int[] succStart = new int[n + 1];
        int count = 0;
        for (int i = 0; i < packed.length; i++) {
            if (i == 0 || packed[i] != packed[i - 1]) { // sorted: a repeat follows its original
                succStart[(int) (packed[i] >>> 32) + 1]++;
                packed[count++] = packed[i];
            }
        }
        runningSums(succStart);
        int[] succ = new int[count];
        for (int i = 0; i < count; i++) {
            succ[i] = (int) packed[i];
        }
        return new Dag(succStart, succ);
    }

    /** Adds to each entry all those before it: counts per node held at v + 1 become where each node's run begins. */
    private static void runningSums(int[] counts) {
        for (int v = 1; v < counts.length; v++) {
            counts[v] += counts[v - 1];
        }
    }

    public int size() {
        return size;
    }

    public int edgeCount() {
        return succ.length;
    }

    public int outDegree(int node) {
        return succStart[node + 1] - succStart[node];
    }

    public int successor(int node, int index) {
        return succ[succStart[node] + index];
    }

    public int inDegree(int node) {
        return predStart[node + 1] - predStart[node];
    }

    public int predecessor(int node, int index) {
        return pred[predStart[node] + index];
    }

    /** The edges as sorted {@code [from, to]} pairs, duplicates removed. */
    public List<List<Integer>> pairs() {
        List<List<Integer>> out = new ArrayList<>(succ.length);
        for (int r = 0; r < size; r++) {
            for (int k = succStart[r]; k < succStart[r + 1]; k++) {
                out.add(List.of(r, succ[k]));
            }
        }
        return out;
    }

    /** The dense row-major adjacency matrix, entries 0 or 1. */
    public List<Integer> matrix() {
        Integer[] m = new Integer[size * size];
        Arrays.fill(m, 0);
        for (int r = 0; r < size; r++) {
            for (int k = succStart[r]; k < succStart[r + 1]; k++) {
                m[r * size + succ[k]] = 1;
            }
        }
        return Arrays.asList(m);
    }

    /** True when {@code ancestor} can reach {@code node} by following edges (a node is not its own ancestor). */
    public boolean isAncestor(int ancestor, int node) {
        boolean[] seen = new boolean[size];
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            int current = todo.pop();
            for (int k = predStart[current]; k < predStart[current + 1]; k++) {
                int p = pred[k];
                if (p == ancestor) {
                    return true;
                }
                if (!seen[p]) {
                    seen[p] = true;
                    todo.push(p);
                }
            }
        }
        return false;
    }

    /**
     * One cycle as a node list whose last element repeats the first (e.g. [0, 2, 1, 0]), or an empty
     * list for an acyclic graph. Iterative, so a 100,000-node chain does not overflow the stack.
     */
    public List<Integer> findCycle() {
        byte[] color = new byte[size]; // 0 new, 1 on the current path, 2 done
        int[] parent = new int[size];
        int[] nextEdge = new int[size];
        for (int root = 0; root < size; root++) {
            if (color[root] != 0) {
                continue;
            }
            Deque<Integer> stack = new ArrayDeque<>();
            stack.push(root);
            color[root] = 1;
            nextEdge[root] = succStart[root];
            parent[root] = -1;
            while (!stack.isEmpty()) {
                int v = stack.peek();
                if (nextEdge[v] == succStart[v + 1]) {
                    color[v] = 2;
                    stack.pop();
                    continue;
                }
                int w = succ[nextEdge[v]++];
                if (color[w] == 0) {
                    color[w] = 1;
                    parent[w] = v;
                    nextEdge[w] = succStart[w];
                    stack.push(w);
                } else if (color[w] == 1) {
                    List<Integer> cycle = new ArrayList<>();
                    for (int x = v; x != w; x = parent[x]) {
                        cycle.add(x);
                    }
                    cycle.add(w);
                    java.util.Collections.reverse(cycle);
                    cycle.add(w);
                    return cycle;
                }
            }
        }
        return List.of();
    }
}
