package org.gorchestrator.validation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gorchestrator.model.ArgReference;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.time.Durations;

/**
 * Checks a submitted document and reports every problem it finds, each naming the offending
 * field, node, row or cycle. Shape is checked before edges, edges before cycles and references,
 * so later checks can rely on earlier ones.
 */
public final class GraphValidator {
    private static final int SHOWN_ENGINES_LIMIT = 20;
    private static final int MAX_ATTEMPTS = 100;
    private static final String SLEEP_ENGINE = "sleep";
    private final Limits limits;
    private final List<DocumentCheck> extraChecks;

    public GraphValidator(Limits limits) {
        this(limits, List.of());
    }

    /** @param extraChecks run after each node's own checks */
    public GraphValidator(Limits limits, List<DocumentCheck> extraChecks) {
        this.limits = limits;
        this.extraChecks = List.copyOf(extraChecks);
    }

    /** Throws {@link InvalidGraphException} listing every violation, or returns the graph's DAG. */
    public Dag check(Graph graph) {
        List<Violation> found = new ArrayList<>();
        Dag dag = validate(graph, found);
        if (!found.isEmpty()) {
            throw new InvalidGraphException(found);
        }
        return dag;
    }

    public List<Violation> validate(Graph graph) {
        List<Violation> found = new ArrayList<>();
        validate(graph, found);
        return found;
    }

    private Dag validate(Graph graph, List<Violation> found) {
        checkText("name", graph.name(), found);
        checkTimeout("timeout", graph.timeout(), found);
        List<Node> nodes = graph.nodes();
        int n = nodes.size();
        if (n == 0) {
            found.add(new Violation("nodes", "a graph needs at least one node"));
            return null;
        }
        if (n > limits.maxNodes()) {
            found.add(new Violation("nodes", n + " nodes exceed the limit of " + limits.maxNodes()));
            return null;
        }
        boolean nullNode = false;
        for (int i = 0; i < n; i++) {
            if (nodes.get(i) == null) {
                found.add(new Violation("nodes[" + i + "]", "is null; every node needs at least an id"));
                nullNode = true;
            }
        }
        if (nullNode) {
            return null;
        }
        boolean idsOk = checkIds(nodes, found);
        for (int i = 0; i < n; i++) {
            checkNode(i, nodes.get(i), found);
        }
        checkUniqueNames(nodes, found);
        extraChecks.forEach(check -> found.addAll(check.check(graph)));
        boolean edgesOk = graph.edges() != null ? checkPairs(graph, n, found) : checkMatrix(graph, n, found);
        if (!idsOk || !edgesOk) {
            return null;
        }
        Dag dag = Dag.of(graph);
        List<Integer> cycle = dag.findCycle();
        if (!cycle.isEmpty()) {
            Map<Integer, Node> byId = byId(nodes);
            String path = cycle.stream().map(id -> byId.get(id).displayName()).collect(Collectors.joining(" -> "));
            found.add(new Violation(graph.edges() != null ? "edges" : "digraph", "the graph has a cycle: " + path));
            return null;
        }
        checkReferences(nodes, dag, found);
        if (found.isEmpty()) {
            checkStateSize(graph, found);
        }
        return found.isEmpty() ? dag : null;
    }

    /** Last, on an otherwise valid document only: it serializes the whole state. */
    private void checkStateSize(Graph graph, List<Violation> found) {
        long bytes = StateSize.of(graph);
        if (bytes > limits.maxDocumentBytes()) {
            String smaller = graph.digraph() != null ? "; the edges list instead of the digraph matrix makes it smaller" : "";
            String what = StateRecords.inParts(graph.nodes().size()) ? "a record of the workflow's state (its header or a node)"
                    : "the workflow's state";
            found.add(new Violation("nodes", what + " would take " + bytes + " bytes once its " + graph.nodes().size()
                    + " nodes ran, over the limit of " + limits.maxDocumentBytes() + " bytes on a document's state (max-document-size)" + smaller));
        }
    }

    private boolean checkIds(List<Node> nodes, List<Violation> found) {
        int n = nodes.size();
        Map<Integer, Integer> seenAt = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            Integer id = nodes.get(i).id();
            String field = "nodes[" + i + "].id";
            if (id == null) {
                found.add(new Violation(field, "is missing; ids are the node's row in the matrix, 0 to " + (n - 1)));
                ok = false;
            } else if (id < 0 || id >= n) {
                found.add(new Violation(field, id + " is out of range 0 to " + (n - 1)));
                ok = false;
            } else if (seenAt.putIfAbsent(id, i) != null) {
                found.add(new Violation(field, "id " + id + " is used twice (also by nodes[" + seenAt.get(id) + "])"));
                ok = false;
            }
        }
        return ok;
    }

    private void checkNode(int i, Node node, List<Violation> found) {
        String at = "nodes[" + i + "]";
        checkText(at + ".name", node.name(), found);
        checkText(at + ".artifact", node.artifact(), found);
        checkText(at + ".target", node.target(), found);
        checkPool(at + ".target", node.target(), found);
        checkTimeout(at + ".timeout", node.timeout(), found);
        String retryProblem = node.retry() == null ? null : node.retry().problem(MAX_ATTEMPTS, limits.maxTimeoutSeconds());
        if (retryProblem != null) {
            found.add(new Violation(at + ".retry", retryProblem));
        }
        if (!limits.engines().contains(node.engine())) {
            found.add(new Violation(at + ".engine", "unknown engine '" + clip(node.engine()) + "'; known engines: " + knownEngines()));
        } else if (!Node.NIL_ENGINE.equals(node.engine()) && !SLEEP_ENGINE.equals(node.engine())
                && (node.artifact() == null || node.artifact().isBlank())) {
            found.add(new Violation(at + ".artifact", "is required by engine " + node.engine()));
        } else if (SLEEP_ENGINE.equals(node.engine())) {
            checkSleepArg(at, node, found);
        }
        if (node.args().size() > limits.maxArgs()) {
            found.add(new Violation(at + ".args", node.args().size() + " args exceed the limit of " + limits.maxArgs()));
        }
        for (int a = 0; a < node.args().size(); a++) {
            String arg = node.args().get(a);
            if (arg.length() > limits.maxArgLength()) {
                found.add(new Violation(at + ".args[" + a + "]", arg.length() + " characters exceed the limit of " + limits.maxArgLength()));
            } else if (arg.indexOf('\0') >= 0) {
                found.add(new Violation(at + ".args[" + a + "]", "contains a NUL character"));
            }
        }
        node.output().keySet().forEach(name -> checkText(at + ".output", name, found));
    }

    /** The sleep engine reads its first arg as a duration: a bad one fails at submit, not when the node runs. */
    private static void checkSleepArg(String at, Node node, List<Violation> found) {
        if (node.args().isEmpty() || ArgReference.parse(node.args().get(0)).isPresent()) {
            return;
        }
        try {
            Durations.parse(node.args().get(0));
        } catch (IllegalArgumentException e) {
            found.add(new Violation(at + ".args[0]", "node " + node.displayName() + " (engine sleep): " + e.getMessage()));
        }
    }

    private void checkUniqueNames(List<Node> nodes, List<Violation> found) {
        Map<String, Integer> seenAt = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String name = nodes.get(i).name();
            if (name != null && !name.isBlank() && seenAt.putIfAbsent(name, i) != null) {
                found.add(new Violation("nodes[" + i + "].name", "'" + clip(name) + "' is used twice (also by nodes[" + seenAt.get(name) + "])"));
            }
        }
    }

    private boolean checkMatrix(Graph graph, int n, List<Violation> found) {
        List<Integer> m = graph.digraph();
        if (m == null) {
            found.add(new Violation("digraph", "is missing; give the n×n adjacency matrix as digraph, or the edge list as edges"));
            return false;
        }
        if ((long) n * n != m.size()) {
            found.add(new Violation("digraph", "has " + m.size() + " entries, but " + n + " nodes need a " + n + "×" + n
                    + " matrix of " + ((long) n * n) + " entries (one row per node)"));
            return false;
        }
        int edges = 0;
        for (int i = 0; i < m.size(); i++) {
            Integer v = m.get(i);
            if (v == null || v < 0) {
                found.add(new Violation("digraph", "row " + (i / n) + ", column " + (i % n) + ": entry " + v + " must be 0 or a positive number"));
                return false;
            }
            if (v != 0) {
                edges++;
            }
        }
        return checkEdgeCount(edges, "digraph", found);
    }

    private boolean checkPairs(Graph graph, int n, List<Violation> found) {
        if (graph.digraph() != null) {
            found.add(new Violation("digraph", "give either digraph or edges, not both"));
            return false;
        }
        List<List<Integer>> pairs = graph.edges();
        for (int i = 0; i < pairs.size(); i++) {
            List<Integer> pair = pairs.get(i);
            if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
                found.add(new Violation("edges[" + i + "]", "must be a pair [from, to]"));
                return false;
            }
            for (int end : List.of(0, 1)) {
                int v = pair.get(end);
                if (v < 0 || v >= n) {
                    found.add(new Violation("edges[" + i + "]", "node " + v + " is out of range 0 to " + (n - 1)));
                    return false;
                }
            }
        }
        return checkEdgeCount(pairs.size(), "edges", found);
    }

    private boolean checkEdgeCount(int edges, String field, List<Violation> found) {
        if (edges > limits.maxEdges()) {
            found.add(new Violation(field, edges + " edges exceed the limit of " + limits.maxEdges()));
            return false;
        }
        return true;
    }

    private void checkReferences(List<Node> nodes, Dag dag, List<Violation> found) {
        Map<String, Node> byName = new HashMap<>();
        nodes.forEach(node -> byName.putIfAbsent(node.displayName(), node));
        nodes.forEach(node -> byName.putIfAbsent(String.valueOf(node.id()), node));
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            BitSet ancestors = null; // found once per node, not once per arg: 256 args × a 100,000-edge search adds up
            for (int a = 0; a < node.args().size(); a++) {
                Optional<ArgReference> ref = ArgReference.parse(node.args().get(a));
                if (ref.isEmpty()) {
                    continue;
                }
                String field = "nodes[" + i + "].args[" + a + "]";
                Node source = byName.get(ref.get().node());
                if (source != null && ancestors == null) {
                    ancestors = ancestors(dag, node.id());
                }
                if (source == null) {
                    found.add(new Violation(field, "get_attribute refers to unknown node '" + clip(ref.get().node()) + "'"));
                } else if (!ancestors.get(source.id())) {
                    found.add(new Violation(field, "get_attribute refers to node '" + source.displayName()
                            + "', which is not an ancestor of '" + node.displayName() + "': its output would not exist yet"));
                } else if (!source.output().containsKey(ref.get().output())) {
                    found.add(new Violation(field, "get_attribute refers to output '" + clip(ref.get().output()) + "', which node '"
                            + source.displayName() + "' does not declare in its output"));
                }
            }
        }
    }

    /** Every node from which {@code node} can be reached, by a walk up the predecessors. O(V + E). */
    private static BitSet ancestors(Dag dag, int node) {
        BitSet seen = new BitSet(dag.size());
        int[] todo = new int[dag.size() + 1]; // each node is pushed at most once, plus the start
        int top = 0;
        todo[top++] = node;
        while (top > 0) {
            int current = todo[--top];
            for (int k = 0; k < dag.inDegree(current); k++) {
                int p = dag.predecessor(current, k);
                if (!seen.get(p)) {
                    seen.set(p);
                    todo[top++] = p;
                }
            }
        }
        return seen;
    }

    private void checkText(String field, String value, List<Violation> found) {
        if (value != null && value.length() > limits.maxTextLength()) {
            found.add(new Violation(field, value.length() + " characters exceed the limit of " + limits.maxTextLength()));
        }
    }

    private void checkPool(String field, String target, List<Violation> found) {
        if (target == null || !target.startsWith(Limits.POOL_PREFIX)) {
            return;
        }
        String pool = target.substring(Limits.POOL_PREFIX.length());
        if (!pool.equals(Limits.DEFAULT_POOL) && !limits.pools().contains(pool)) {
            String declared = limits.pools().isEmpty() ? "none besides default" : String.join(", ", new java.util.TreeSet<>(limits.pools()));
            found.add(new Violation(field, "unknown worker pool '" + clip(pool) + "'; declared pools: " + declared));
        }
    }

    private void checkTimeout(String field, Integer seconds, List<Violation> found) {
        if (seconds != null && (seconds <= 0 || seconds > limits.maxTimeoutSeconds())) {
            found.add(new Violation(field, "must be between 1 and " + limits.maxTimeoutSeconds() + " seconds, was " + seconds));
        }
    }

    private String knownEngines() {
        return limits.engines().stream().sorted().limit(SHOWN_ENGINES_LIMIT).collect(Collectors.joining(", "));
    }

    private static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    private static Map<Integer, Node> byId(List<Node> nodes) {
        Map<Integer, Node> map = new HashMap<>();
        nodes.forEach(node -> map.put(node.id(), node));
        return map;
    }
}
