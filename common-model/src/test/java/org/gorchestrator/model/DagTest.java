package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DagTest {

    private static List<Integer> successors(Dag dag, int node) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < dag.outDegree(node); k++) {
            out.add(dag.successor(node, k));
        }
        return out;
    }

    private static List<Integer> predecessors(Dag dag, int node) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < dag.inDegree(node); k++) {
            out.add(dag.predecessor(node, k));
        }
        return out;
    }

    private static List<List<Integer>> chainPairs(int n) {
        List<List<Integer>> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            pairs.add(List.of(i, i + 1));
        }
        return pairs;
    }

    @Test
    void seedExampleEdges() {
        Dag dag = Dag.of(Graphs.seedExample());

        assertThat(dag.size()).isEqualTo(8);
        assertThat(dag.edgeCount()).isEqualTo(9);
        assertThat(successors(dag, 5)).containsExactlyInAnyOrder(0, 1, 2); // f → a, b, c
        assertThat(predecessors(dag, 6)).containsExactlyInAnyOrder(1, 3, 7); // g after b, d, h
        assertThat(successors(dag, 6)).isEmpty();
        assertThat(dag.findCycle()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matrixAndPairsGiveTheSameDag(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(40);
        Integer[] matrix = new Integer[n * n];
        Arrays.fill(matrix, 0);
        List<List<Integer>> pairs = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (random.nextInt(5) == 0) {
                    matrix[r * n + c] = 1 + random.nextInt(3);
                    pairs.add(List.of(r, c));
                }
            }
        }
        java.util.Collections.shuffle(pairs, random);

        Dag fromMatrix = Dag.fromMatrix(n, Arrays.asList(matrix));
        Dag fromPairs = Dag.fromPairs(n, pairs);

        assertThat(fromPairs.edgeCount()).isEqualTo(fromMatrix.edgeCount()).isEqualTo(pairs.size());
        for (int v = 0; v < n; v++) {
            assertThat(successors(fromPairs, v)).isEqualTo(successors(fromMatrix, v));
            assertThat(predecessors(fromPairs, v)).containsExactlyInAnyOrderElementsOf(predecessors(fromMatrix, v));
            for (int w : successors(fromMatrix, v)) {
                assertThat(matrix[v * n + w]).isNotZero();
                assertThat(predecessors(fromMatrix, w)).contains(v);
            }
        }
        assertThat(fromPairs.pairs()).isEqualTo(fromMatrix.pairs());
        List<Integer> binary = Arrays.stream(matrix).map(v -> v == 0 ? 0 : 1).toList();
        assertThat(fromPairs.matrix()).isEqualTo(binary);
        assertThat(Dag.fromPairs(n, fromMatrix.pairs()).matrix()).isEqualTo(binary);
    }

    @Test
    void parallelEdgesCountOnce() {
        Dag pairs = Dag.fromPairs(3, List.of(List.of(0, 1), List.of(0, 1), List.of(1, 2), List.of(0, 1)));
        Dag matrix = Dag.fromMatrix(3, List.of(0, 7, 0, 0, 0, 2, 0, 0, 0));

        for (Dag dag : List.of(pairs, matrix)) {
            assertThat(dag.edgeCount()).isEqualTo(2);
            assertThat(successors(dag, 0)).containsExactly(1);
            assertThat(predecessors(dag, 1)).containsExactly(0);
            assertThat(dag.pairs()).containsExactly(List.of(0, 1), List.of(1, 2));
        }
    }

    @Test
    void edgesIntoTheFirstNodeAndOutOfTheLastAreIndexedBothWays() {
        // 2 → 0, 1 → 0, 2 → 1: the first node has the most predecessors, the last the most successors.
        Dag pairs = Dag.fromPairs(3, List.of(List.of(2, 0), List.of(1, 0), List.of(2, 1)));
        Dag matrix = Dag.fromMatrix(3, List.of(0, 0, 0, 1, 0, 0, 1, 1, 0));

        for (Dag dag : List.of(pairs, matrix)) {
            assertThat(predecessors(dag, 0)).containsExactly(1, 2);
            assertThat(predecessors(dag, 1)).containsExactly(2);
            assertThat(predecessors(dag, 2)).isEmpty();
            assertThat(successors(dag, 2)).containsExactly(0, 1);
            assertThat(successors(dag, 0)).isEmpty();
        }
    }

    @Test
    void anEmptyGraphHasNoNodesAndNoEdges() {
        for (Dag dag : List.of(Dag.fromPairs(0, List.of()), Dag.fromMatrix(0, List.of()))) {
            assertThat(dag.size()).isZero();
            assertThat(dag.edgeCount()).isZero();
            assertThat(dag.findCycle()).isEmpty();
        }
    }

    @Test
    void aGraphWithoutEdgesHasNone() {
        Dag dag = Dag.of(Graphs.builder().node("a").node("b").sparse().withEdges(null, null));

        assertThat(dag.size()).isEqualTo(2);
        assertThat(dag.edgeCount()).isZero();
        assertThat(dag.findCycle()).isEmpty();
    }

    @Test
    void findCycleReturnsAClosedPathOfRealEdges() {
        // 0 → 1 → 2 → 3 → 1, plus 0 → 4
        Dag dag = Dag.fromPairs(5, List.of(List.of(0, 1), List.of(1, 2), List.of(2, 3), List.of(3, 1), List.of(0, 4)));

        List<Integer> cycle = dag.findCycle();

        assertThat(cycle).hasSize(4);
        assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
        assertThat(cycle.subList(0, 3)).containsExactlyInAnyOrder(1, 2, 3);
        for (int i = 0; i + 1 < cycle.size(); i++) {
            assertThat(successors(dag, cycle.get(i))).as("edge %s -> %s", cycle.get(i), cycle.get(i + 1)).contains(cycle.get(i + 1));
        }
    }

    @Test
    void aSelfLoopIsACycleOfOneNode() {
        assertThat(Dag.fromMatrix(2, List.of(0, 0, 0, 1)).findCycle()).containsExactly(1, 1);
    }

    @Test
    void aLongChainHasNoCycleAndDoesNotOverflowTheStack() {
        int n = 100_000;
        Dag dag = Dag.fromPairs(n, chainPairs(n));

        assertThat(dag.findCycle()).isEmpty();
        assertThat(dag.isAncestor(0, n - 1)).isTrue();
        assertThat(dag.isAncestor(n - 1, 0)).isFalse();
    }

    @Test
    void aLongChainClosedIntoARingIsFoundWhole() {
        int n = 100_000;
        List<List<Integer>> pairs = new ArrayList<>(chainPairs(n));
        pairs.add(List.of(n - 1, 0));

        List<Integer> cycle = Dag.fromPairs(n, pairs).findCycle();

        assertThat(cycle).hasSize(n + 1);
        assertThat(cycle.get(0)).isEqualTo(cycle.get(n));
    }

    @Test
    void isAncestorFollowsEdgesTransitivelyAndOnlyForward() {
        // a → b → c, a → d; e alone
        Dag dag = Dag.of(Graphs.builder().node("a").node("b").node("c").node("d").node("e")
                .chain("a", "b", "c").edge("a", "d").sparse());

        assertThat(dag.isAncestor(0, 2)).isTrue();
        assertThat(dag.isAncestor(1, 2)).isTrue();
        assertThat(dag.isAncestor(0, 3)).isTrue();
        assertThat(dag.isAncestor(2, 0)).as("reverse").isFalse();
        assertThat(dag.isAncestor(1, 3)).as("sibling branch").isFalse();
        assertThat(dag.isAncestor(4, 2)).as("unrelated").isFalse();
        assertThat(dag.isAncestor(2, 2)).as("not its own ancestor").isFalse();
    }
}
