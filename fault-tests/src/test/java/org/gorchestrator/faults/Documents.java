package org.gorchestrator.faults;

import java.nio.file.Path;
import java.util.List;
import org.gorchestrator.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gorch documents of shell nodes that record every execution: each attempt appends
 * {@code S <workflow> <node> <attempt> <epoch ms>} to the executions file when it starts and
 * {@code E ...} when its work is done, so a scenario counts executions instead of guessing them.
 */
final class Documents {
    private final Path executions;

    Documents(Path executions) {
        this.executions = executions;
    }

    /** A shell script that records its start, runs {@code work}, records its end and exits with the work's status. */
    String recorded(String work) {
        String record = "\"$GORCH_WORKFLOW_ID $GORCH_NODE_ID $GORCH_ATTEMPT $(date +%s%3N)\" >> '" + executions + "'";
        return "echo S " + record + "; " + work + "; rc=$?; echo E " + record + "; exit $rc";
    }

    /** Four nodes, 0 before 1 and 2, both before 3, each running {@code work}. */
    String diamond(String name, int graphTimeoutSeconds, String work) {
        ObjectNode graph = graph(name, graphTimeoutSeconds);
        ArrayNode nodes = graph.putArray("nodes");
        for (int id = 0; id < 4; id++) {
            nodes.add(shellNode(id, work));
        }
        edges(graph, List.of(List.of(0, 1), List.of(0, 2), List.of(1, 3), List.of(2, 3)));
        return Json.writeString(graph);
    }

    /** {@code width} independent nodes, each running {@code work} and capturing the output {@code out}. */
    String wide(String name, int graphTimeoutSeconds, int width, String work) {
        ObjectNode graph = graph(name, graphTimeoutSeconds);
        ArrayNode nodes = graph.putArray("nodes");
        for (int id = 0; id < width; id++) {
            ObjectNode node = shellNode(id, work);
            node.putObject("output").put("out", "");
            nodes.add(node);
        }
        graph.putArray("edges");
        return Json.writeString(graph);
    }

    /** One node running {@code work}, tried up to {@code attempts} times with {@code backoffSeconds} between tries. */
    String single(String name, int graphTimeoutSeconds, String work, int attempts, int backoffSeconds) {
        ObjectNode graph = graph(name, graphTimeoutSeconds);
        ObjectNode node = shellNode(0, work);
        if (attempts > 1) {
            node.putObject("retry").put("attempts", attempts).put("initial_backoff", backoffSeconds).put("multiplier", 1)
                    .put("max_backoff", backoffSeconds);
        }
        graph.putArray("nodes").add(node);
        graph.putArray("edges");
        return Json.writeString(graph);
    }

    private static ObjectNode graph(String name, int graphTimeoutSeconds) {
        ObjectNode graph = Json.mapper().createObjectNode();
        graph.put("name", name);
        graph.put("timeout", graphTimeoutSeconds);
        return graph;
    }

    private ObjectNode shellNode(int id, String work) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id);
        node.put("name", "n" + id);
        node.put("engine", "shell");
        node.put("artifact", "sh");
        node.putArray("args").add("-c").add(recorded(work));
        return node;
    }

    private static void edges(ObjectNode graph, List<List<Integer>> edges) {
        ArrayNode array = graph.putArray("edges");
        edges.forEach(edge -> array.addArray().add(edge.get(0)).add(edge.get(1)));
    }
}
