package org.gorchestrator.dot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.test.NodeTestBuilder.aNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.NodeTestBuilder;
import org.junit.jupiter.api.Test;

class DotRendererTest {

    @Test
    void drawsEveryNodeAsARecordLeftToRightAndEveryEdgeOfTheMatrix() {
        String dot = DotRenderer.render(Graphs.seedExample());

        assertThat(dot).startsWith("digraph \"Valid\" {\n  rankdir=LR;\n").endsWith("}\n");
        assertThat(dot).contains("node [shape=record, style=filled");
        assertThat(dot).contains("  n0 [id=\"0\", label=\"a|toscassh|./sleep.sh\", fillcolor=\"#ffffff\", tooltip=\"initial\"];\n");
        // the seed's matrix: row 5 has edges to 0, 1 and 2; row 3 to 2 and 6
        assertThat(dot).contains("  n5 -> n0;\n", "  n5 -> n1;\n", "  n5 -> n2;\n", "  n3 -> n2;\n", "  n3 -> n6;\n");
        assertThat(dot.lines().filter(line -> line.contains(" -> "))).hasSize(9);
        assertThat(dot.lines().filter(line -> line.contains("[id="))).hasSize(8);
    }

    @Test
    void aRunShowsEachNodesStateAsItsColourAndInItsRecord() {
        Instant now = Instant.now();
        Graph run = Graph.sparse("run", List.of(List.of(0, 1), List.of(0, 2)), List.of(
                        aNode(0, "ok").succeeded(Map.of()).build(),
                        aNode(1, "bad").engine("shell", "/bin/false").failed(State.FAILURE, 1, "exit code 1").build(),
                        aNode(2, "busy").engine("sleep", null).running(now).build()))
                .withId("0196f0c1-0000-7000-8000-000000000000");

        String dot = DotRenderer.render(run);

        assertThat(dot).contains("n0 [id=\"0\", label=\"ok|nil||success\", fillcolor=\"" + DotRenderer.colour(State.SUCCESS) + "\"");
        assertThat(dot).contains("n1 [id=\"1\", label=\"bad|shell|/bin/false|failure\", fillcolor=\"" + DotRenderer.colour(State.FAILURE)
                + "\", tooltip=\"failure: exit code 1\"");
        assertThat(dot).contains("label=\"busy|sleep||running\", fillcolor=\"" + DotRenderer.colour(State.RUNNING) + "\"");
        assertThat(List.of(State.values()).stream().map(DotRenderer::colour).distinct()).hasSize(State.values().length);
    }

    @Test
    void quotesBackslashesAndRecordSeparatorsInNamesAreEscaped() {
        Graph graph = Graph.of("say \"hi\"", List.of(0), List.of(Node.of(0, "a|b{c}<d>", "shell", "C:\\tools\\run \"x\"", List.of())));

        String dot = DotRenderer.render(graph);

        assertThat(dot).startsWith("digraph \"say \\\"hi\\\"\" {");
        assertThat(dot).contains("label=\"a\\|b\\{c\\}\\<d\\>|shell|C:\\\\tools\\\\run \\\"x\\\"\"");
    }

    @Test
    void controlCharactersBecomeSpacesSoATerminalShowingTheTextObeysNoEscapeSequence() {
        Node failed = NodeTestBuilder.aNode(0, "wipe\u001b[2J").engine("shell", "sh")
                .failed(State.FAILURE, 3, "exit code 3; stderr: \u001b[31mred\u001b[0m\n\u009b").build();
        Graph graph = Graph.of("line\nbreak\u0007", List.of(0), List.of(failed));

        String dot = DotRenderer.render(graph);

        assertThat(dot).startsWith("digraph \"line break \" {").doesNotContain("\u001b", "\u0007", "\u009b");
        assertThat(dot).contains("label=\"wipe [2J|shell|sh", "tooltip=\"failure: exit code 3; stderr:  [31mred [0m  \"");
    }
}
