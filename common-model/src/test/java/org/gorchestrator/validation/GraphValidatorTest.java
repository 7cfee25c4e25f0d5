package org.gorchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class GraphValidatorTest {
    private final GraphValidator validator = new GraphValidator(Limits.DEFAULTS);

    private static Node nodeWithId(Integer id, String name) {
        return Node.of(id, name, "nil", null, null);
    }

    /** The only violation of {@code graph}. */
    private Violation onlyViolation(Graph graph) {
        List<Violation> found = validator.validate(graph);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void seedExampleIsValidAndItsDagIsReturned() {
        Graph seed = Graphs.seedExample();

        assertThat(validator.validate(seed)).isEmpty();
        Dag dag = validator.check(seed);
        assertThat(dag.size()).isEqualTo(8);
        assertThat(dag.edgeCount()).isEqualTo(9);
    }

    @Test
    void sparseAndDenseFormsOfAValidGraphPass() {
        Graphs.Builder b = Graphs.builder().node("a", "shell", "/bin/echo", "hi").node("b").chain("a", "b");

        assertThat(validator.validate(b.sparse())).isEmpty();
        assertThat(validator.validate(b.dense())).isEmpty();
    }

    @Test
    void checkThrowsWithEveryViolation() {
        Graph bad = Graphs.builder().node("a", "warp", null).node("a").sparse();

        assertThatThrownBy(() -> validator.check(bad))
                .isInstanceOfSatisfying(InvalidGraphException.class, e -> assertThat(e.violations()).hasSize(2))
                .hasMessageContaining("nodes[0].engine: unknown engine 'warp'")
                .hasMessageContaining("nodes[1].name: 'a' is used twice");
    }

    @Test
    void emptyNodes() {
        Violation v = onlyViolation(Graph.of("g", List.of(), List.of()));

        assertThat(v.field()).isEqualTo("nodes");
        assertThat(v.message()).contains("at least one node");
    }

    @Test
    void tooManyNodes() {
        GraphValidator small = new GraphValidator(Limits.DEFAULTS.withMaxNodes(3));
        Graphs.Builder b = Graphs.builder();
        for (int i = 0; i < 4; i++) {
            b.node("n" + i);
        }

        List<Violation> found = small.validate(b.sparse());

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("nodes");
            assertThat(v.message()).contains("4 nodes").contains("limit of 3");
        });
        assertThat(small.validate(Graphs.builder().node("a").node("b").node("c").sparse())).isEmpty();
    }

    @Test
    void nonSquareMatrixGivesTheCounts() {
        Graph g = Graph.of("g", List.of(0, 0, 0), Graphs.builder().node("a").node("b").sparse().nodes());

        Violation v = onlyViolation(g);

        assertThat(v.field()).isEqualTo("digraph");
        assertThat(v.message()).contains("has 3 entries").contains("2 nodes").contains("4 entries");
    }

    @Test
    void missingMatrixAndEdges() {
        Graph g = Graphs.builder().node("a").sparse().withEdges(null, null);

        Violation v = onlyViolation(g);

        assertThat(v.field()).isEqualTo("digraph");
        assertThat(v.message()).contains("is missing");
    }

    @Test
    void negativeOrNullEntryNamesRowAndColumn() {
        List<Node> nodes = Graphs.builder().node("a").node("b").sparse().nodes();

        Violation negative = onlyViolation(Graph.of("g", List.of(0, 0, -1, 0), nodes));
        assertThat(negative.field()).isEqualTo("digraph");
        assertThat(negative.message()).contains("row 1, column 0").contains("-1");

        Graph withNull = Json.read("{\"digraph\": [0, null, 0, 0], \"nodes\": [{\"id\": 0}, {\"id\": 1}]}", Graph.class);
        assertThat(onlyViolation(withNull).message()).contains("row 0, column 1").contains("null");
    }

    @Test
    void idsMissingDuplicateOrOutOfRange() {
        Graph g = Graphs.builder()
                .rawNode(nodeWithId(null, "a"))
                .rawNode(nodeWithId(1, "b"))
                .rawNode(nodeWithId(1, "c"))
                .rawNode(nodeWithId(5, "d"))
                .rawNode(nodeWithId(-1, "e"))
                .sparse();

        List<Violation> found = validator.validate(g);

        assertThat(found).extracting(Violation::field)
                .containsExactly("nodes[0].id", "nodes[2].id", "nodes[3].id", "nodes[4].id");
        assertThat(found.get(0).message()).contains("is missing").contains("0 to 4");
        assertThat(found.get(1).message()).contains("id 1 is used twice").contains("nodes[1]");
        assertThat(found.get(2).message()).contains("5 is out of range 0 to 4");
        assertThat(found.get(3).message()).contains("-1 is out of range");
    }

    @Test
    void duplicateNames() {
        Violation v = onlyViolation(Graphs.builder().node("x").node("y").node("x").sparse());

        assertThat(v.field()).isEqualTo("nodes[2].name");
        assertThat(v.message()).contains("'x' is used twice").contains("nodes[0]");
    }

    @Test
    void unknownEngineListsTheKnownOnes() {
        Violation v = onlyViolation(Graphs.builder().node("a", "kubernetes", "x").sparse());

        assertThat(v.field()).isEqualTo("nodes[0].engine");
        assertThat(v.message()).contains("unknown engine 'kubernetes'").contains("shell").contains("toscassh");
    }

    @Test
    void shellNeedsAnArtifactButNilAndSleepDoNot() {
        Violation v = onlyViolation(Graphs.builder().node("a", "shell", "  ").node("b", "sleep", null).node("c").sparse());

        assertThat(v.field()).isEqualTo("nodes[0].artifact");
        assertThat(v.message()).contains("required by engine shell");
    }

    @Test
    void aSleepArgThatIsNotADurationIsRefusedAtSubmitNamingTheNode() {
        Violation v = onlyViolation(Graphs.builder().node("a", "sleep", null, "300ms").node("b", "sleep", null, "PT1S")
                .node("c", "sleep", null, "1h30m").sparse());

        assertThat(v.field()).isEqualTo("nodes[1].args[0]");
        assertThat(v.message()).contains("node b (engine sleep)").contains("'PT1S' is not a duration").contains("1h30m");
    }

    @Test
    void tooManyAndTooLongArgs() {
        String[] many = Collections.nCopies(257, "x").toArray(String[]::new);
        String huge = "y".repeat(8_193);
        Graph g = Graphs.builder().node("a", "shell", "/bin/true", many).node("b", "shell", "/bin/true", "ok", huge).sparse();

        List<Violation> found = validator.validate(g);

        assertThat(found).extracting(Violation::field).containsExactly("nodes[0].args", "nodes[1].args[1]");
        assertThat(found.get(0).message()).contains("257 args").contains("limit of 256");
        assertThat(found.get(1).message()).contains("8193 characters").contains("limit of 8192");
    }

    @Test
    void edgesOutOfRange() {
        Violation v = onlyViolation(Graphs.builder().node("a").node("b").edge(0, 1).edge(1, 2).sparse());

        assertThat(v.field()).isEqualTo("edges[1]");
        assertThat(v.message()).contains("node 2 is out of range 0 to 1");
    }

    @Test
    void malformedPairs() {
        List<Node> nodes = Graphs.builder().node("a").node("b").sparse().nodes();

        for (List<Integer> pair : List.of(List.of(0), List.of(0, 1, 1), Arrays.asList(0, null))) {
            Violation v = onlyViolation(Graph.sparse("g", List.of(List.of(0, 1), pair), nodes));
            assertThat(v.field()).as("pair %s", pair).isEqualTo("edges[1]");
            assertThat(v.message()).contains("must be a pair [from, to]");
        }
        Graph nullPair = Json.read("{\"edges\": [null], \"nodes\": [{\"id\": 0}]}", Graph.class);
        assertThat(onlyViolation(nullPair).field()).isEqualTo("edges[0]");
    }

    @Test
    void bothMatrixAndEdges() {
        Graph g = Graphs.builder().node("a").sparse().withEdges(List.of(0), List.of());

        Violation v = onlyViolation(g);

        assertThat(v.field()).isEqualTo("digraph");
        assertThat(v.message()).contains("either digraph or edges, not both");
    }

    @Test
    void aCycleIsReportedWithTheNamesOfItsNodes() {
        Graph g = Graphs.builder().node("start").node("a").node("b").node("c")
                .edge("start", "a").chain("a", "b", "c", "a").dense();

        Violation v = onlyViolation(g);

        assertThat(v.field()).isEqualTo("digraph");
        assertThat(v.message()).startsWith("the graph has a cycle: ");
        String path = v.message().substring("the graph has a cycle: ".length());
        assertThat(Set.of("a -> b -> c -> a", "b -> c -> a -> b", "c -> a -> b -> c")).contains(path);
    }

    @Test
    void aSelfLoopIsACycle() {
        Violation v = onlyViolation(Graphs.builder().node("a").node("b").edge("a", "b").edge("b", "b").sparse());

        assertThat(v.field()).isEqualTo("edges");
        assertThat(v.message()).isEqualTo("the graph has a cycle: b -> b");
    }

    @Test
    void aCycleOfUnnamedNodesUsesTheirIds() {
        Graph g = Graph.sparse("g", List.of(List.of(0, 1), List.of(1, 0)), List.of(nodeWithId(0, null), nodeWithId(1, null)));

        assertThat(onlyViolation(g).message()).containsAnyOf("0 -> 1 -> 0", "1 -> 0 -> 1");
    }

    @Test
    void aLongChainIsValidatedWithoutOverflow() {
        int n = 1_000;
        Graphs.Builder b = Graphs.builder();
        for (int i = 0; i < n; i++) {
            b.node("n" + i);
            if (i > 0) {
                b.edge(i - 1, i);
            }
        }
        assertThat(validator.validate(b.sparse())).isEmpty();
        assertThat(onlyViolation(b.edge(n - 1, 0).sparse()).message()).contains("n0 -> n1 -> n2").endsWith("n999 -> n0");
    }

    @Test
    void getAttributeToAnUnknownNode() {
        Graph g = Graphs.builder().node("a").node("b", "shell", "/x", "ip=get_attribute zz:ip").chain("a", "b").sparse();

        Violation v = onlyViolation(g);

        assertThat(v.field()).isEqualTo("nodes[1].args[0]");
        assertThat(v.message()).contains("unknown node 'zz'");
    }

    @Test
    void getAttributeToANodeThatIsNotAnAncestor() {
        // a → b, a → c: c cannot read b's output; nor can a node read its own.
        Graph g = Graphs.builder()
                .node("a")
                .node("b").outputs("ip")
                .node("c", "shell", "/x", "get_attribute b:ip", "get_attribute c:out").outputs("out")
                .edge("a", "b").edge("a", "c").sparse();

        List<Violation> found = validator.validate(g);

        assertThat(found).extracting(Violation::field).containsExactly("nodes[2].args[0]", "nodes[2].args[1]");
        assertThat(found.get(0).message()).contains("'b'").contains("not an ancestor of 'c'");
        assertThat(found.get(1).message()).contains("'c'").contains("not an ancestor of 'c'");
    }

    @Test
    void getAttributeToAnUndeclaredOutput() {
        Graph g = Graphs.builder()
                .node("d").outputs("ip_address")
                .node("c", "shell", "/x", "network=get_attribute d:network").chain("d", "c").sparse();

        Violation v = onlyViolation(g);

        assertThat(v.field()).isEqualTo("nodes[1].args[0]");
        assertThat(v.message()).contains("output 'network'").contains("'d' does not declare");
    }

    @Test
    void getAttributeMayNameAnIndirectAncestorOrItsId() {
        Graph g = Graphs.builder()
                .node("d").outputs("ip")
                .node("m")
                .node("c", "shell", "/x", "get_attribute d:ip", "ip=get_attribute 0:ip")
                .chain("d", "m", "c").sparse();

        assertThat(validator.validate(g)).isEmpty();
    }

    @Test
    void severalViolationsAreAllReportedTogether() {
        Graph g = Graphs.builder().name("x".repeat(2_000))
                .node("a", "warp", null)
                .node("b", "shell", null)
                .node("a", "nil", null, "get_attribute nobody:x")
                .edge(0, 1).sparse()
                .withTimeout(-5);

        List<Violation> found = validator.validate(g);

        assertThat(found).extracting(Violation::field).containsExactlyInAnyOrder(
                "name", "timeout", "nodes[0].engine", "nodes[1].artifact", "nodes[2].name", "nodes[2].args[0]");
    }

    @Test
    void everyArgOfEveryNodeOfAChainMayReadTheFirstNode() {
        // Each node checks many references against the same ancestor set.
        int n = 300;
        Graphs.Builder b = Graphs.builder().node("n0").outputs("out");
        String[] args = Collections.nCopies(50, "get_attribute n0:out").toArray(String[]::new);
        for (int i = 1; i < n; i++) {
            b.node("n" + i, "nil", null, args).edge(i - 1, i);
        }
        b.node("loose", "nil", null, "get_attribute n0:out");

        List<Violation> found = validator.validate(b.sparse());

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("nodes[300].args[0]");
            assertThat(v.message()).contains("not an ancestor of 'loose'");
        });
    }

    @Test
    void aDocumentWhoseStateWouldNotFitItsRecordIsRefusedThoughItsBodyIsSmall() {
        Graphs.Builder b = Graphs.builder();
        for (int i = 0; i < 200; i++) {
            b.node("n" + i);
        }
        Graph graph = b.sparse();
        int body = org.gorchestrator.json.Json.write(graph).length;
        GraphValidator strict = new GraphValidator(Limits.DEFAULTS.withMaxDocumentBytes(2 * body));

        assertThat(strict.validate(graph)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("nodes");
            assertThat(v.message()).containsPattern("would take \\d+ bytes once its 200 nodes ran")
                    .contains("limit of " + 2 * body + " bytes", "max-document-size").doesNotContain("digraph");
        });
        assertThat(validator.validate(graph)).as("within the default limit").isEmpty();
    }

    @Test
    void aWorkflowInPartsIsBoundedByItsLargestRecordNotByItsWholeStateNorItsSubmit() {
        Graphs.Builder b = Graphs.builder();
        int n = StateRecords.WHOLE_MAX_NODES + 1;
        for (int i = 0; i < n; i++) {
            b.node("n" + i);
        }
        Graph graph = b.sparse();
        int body = Json.write(graph).length;
        Limits limits = Limits.DEFAULTS.withMaxNodes(n).withMaxDocumentBytes(body / 20);

        assertThat(new GraphValidator(limits).validate(graph))
                .as("its whole state and its submit, several times its body, are never one record: the submit goes in parts").isEmpty();
        assertThat(new GraphValidator(limits.withMaxDocumentBytes(100)).validate(graph)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("nodes");
            assertThat(v.message()).contains("a record of the workflow's state (its header or a node)", "max-document-size");
        });
    }

    @Test
    void aDenseDocumentOverTheStateLimitIsToldOfTheEdgesList() {
        Graph graph = Graphs.builder().node("a").node("b").edge("a", "b").dense();

        assertThat(new GraphValidator(Limits.DEFAULTS.withMaxDocumentBytes(100)).validate(graph)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("edges list instead of the digraph"));
    }

    @Test
    void aPoolTargetMustNameADeclaredPool() {
        Graph graph = Graphs.builder().rawNode(Node.of(0, "a", "nil", null, null).withTarget("pool:gpu")).sparse();

        assertThat(validator.validate(graph)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("nodes[0].target");
            assertThat(v.message()).contains("unknown worker pool 'gpu'");
        });
        assertThat(new GraphValidator(Limits.DEFAULTS.withPools(java.util.Set.of("gpu"))).validate(graph)).isEmpty();
        assertThat(validator.validate(Graphs.builder().rawNode(Node.of(0, "a", "nil", null, null).withTarget("host-1")).sparse()))
                .as("any other target is a host, not a pool").isEmpty();
    }
}
