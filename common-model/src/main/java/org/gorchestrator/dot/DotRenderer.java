package org.gorchestrator.dot;

import java.util.List;
import java.util.regex.Pattern;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * A gorch document as Graphviz DOT, laid out as the original gorch2dot did (left to right, one record per node: name,
 * engine, artifact), each node filled with its state's colour and, once submitted, its state in the record. One
 * renderer for the API's {@code GET /v1/tasks/{id}/graph} and the command line's {@code gorch dot}, so both draw alike.
 */
public final class DotRenderer {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /** The media type of DOT text, as the API serves it. */
    public static final String MEDIA_TYPE = "text/vnd.graphviz";

    private DotRenderer() {}

    /** The DOT text of a graph whose shape is valid (see {@code GraphValidator}): a square matrix or in-range edges. */
    public static String render(Graph graph) {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph ").append(quoted(graph.name() == null ? "gorch" : graph.name())).append(" {\n")
                .append("  rankdir=LR;\n")
                .append("  node [shape=record, style=filled, fontname=\"Helvetica\"];\n");
        boolean submitted = graph.id() != null;
        graph.nodes().forEach(node -> appendNode(dot, node, submitted));
        Dag dag = Dag.of(graph);
        for (List<Integer> edge : dag.pairs()) {
            dot.append("  n").append(edge.get(0)).append(" -> n").append(edge.get(1)).append(";\n");
        }
        return dot.append("}\n").toString();
    }

    private static void appendNode(StringBuilder dot, Node node, boolean submitted) {
        String label = field(node.displayName()) + "|" + field(node.engine()) + "|" + field(node.artifact() == null ? "" : node.artifact());
        if (submitted) {
            label += "|" + field(node.stateName());
        }
        dot.append("  n").append(node.id())
                .append(" [id=").append(quoted(String.valueOf(node.id())))
                .append(", label=\"").append(label).append('"')
                .append(", fillcolor=").append(quoted(colour(node.state())))
                .append(", tooltip=").append(quoted(tooltip(node)))
                .append("];\n");
    }

    /** Fill colours a reader tells apart at a glance: green done, blue busy, red and orange gone wrong, greys not run. */
    static String colour(State state) {
        return switch (state) {
            case INITIAL -> "#ffffff";
            case TORUN -> "#eeeeee";
            case RUNNING -> "#9ecae1";
            case SUCCESS -> "#a1d99b";
            case FAILURE -> "#fc9272";
            case NOTRUNNABLE -> "#bdbdbd";
            case TIMEOUT -> "#fdae6b";
            case CANCELED -> "#dadaeb";
        };
    }

    private static String tooltip(Node node) {
        return node.message() == null ? node.stateName() : node.stateName() + ": " + node.message();
    }

    /** A record field: braces, bars and angle brackets would otherwise start fields and ports of their own. */
    private static String field(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : escString(text).toCharArray()) {
            if ("{}|<>".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String quoted(String text) {
        return '"' + escString(text) + '"';
    }

    /**
     * Text inside a DOT quoted string that Graphviz shows as it is: a quote would end the string, and a backslash would
     * start one of Graphviz's escapes ({@code \N} is the node's name, {@code \l} a line break), so both are escaped.
     * Control characters (line breaks, and escape sequences a program printed into its message) become spaces: they
     * mean nothing to Graphviz, and a terminal the DOT text is printed on would obey them.
     */
    private static String escString(String text) {
        return CONTROL.matcher(text.replace("\\", "\\\\").replace("\"", "\\\"")).replaceAll(" ");
    }
}
