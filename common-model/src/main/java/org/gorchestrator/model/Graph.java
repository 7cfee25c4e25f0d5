package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A gorch document: the graph's name and state, its edges and its nodes.
 *
 * <p>Edges come either as the seed's {@code digraph}, an n×n adjacency matrix flattened row by row
 * ({@code digraph[r*n + c] != 0} is an edge r → c: c may start only after r succeeded), or as the
 * sparse {@code edges} list of {@code [from, to]} pairs for large graphs. {@code timeout} is the
 * graph's time limit in seconds. {@code id}, dates, states and {@code deadline} (when the
 * current run times out) are set by the orchestrator. A submission made with an Idempotency-Key
 * carries that key and the {@code digest} of its body, so a repeat can be told from a conflict. {@code submitter}
 * (set by the API when it authenticates its callers) owns the workflow. A run of a stored template records which
 * template, version and inputs it was made from ({@code template}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "state", "state_name", "start_date", "stop_date", "deadline", "timeout", "idempotency_key", "digest",
    "submitter", "template", "digraph", "edges", "nodes"})
public record Graph(
        String id,
        String name,
        State state,
        List<Integer> digraph,
        List<List<Integer>> edges,
        List<Node> nodes,
        Integer timeout,
        @JsonProperty("start_date") Instant startDate,
        @JsonProperty("stop_date") Instant stopDate,
        Instant deadline,
        @JsonProperty("idempotency_key") String idempotencyKey,
        String digest,
        Submitter submitter,
        TemplateRun template) {

    public Graph {
        state = state == null ? State.INITIAL : state;
        nodes = nodes == null ? List.of() : immutable(nodes);
        digraph = immutable(digraph);
        edges = immutable(edges);
    }

    /**
     * {@link List#copyOf} returns an already immutable list as it is, so the {@code with...} copies
     * cost O(1), but it rejects null entries; an invalid document may hold some (a null matrix entry
     * or edge), and those must reach GraphValidator, which names them, rather than fail parsing.
     */
    private static <T> List<T> immutable(List<T> list) {
        if (list == null) {
            return null;
        }
        try {
            return List.copyOf(list);
        } catch (NullPointerException nullEntry) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
    }

    public static Graph of(String name, List<Integer> digraph, List<Node> nodes) {
        return new Graph(null, name, State.INITIAL, digraph, null, nodes, null, null, null, null, null, null, null, null);
    }

    public static Graph sparse(String name, List<List<Integer>> edges, List<Node> nodes) {
        return new Graph(null, name, State.INITIAL, null, edges, nodes, null, null, null, null, null, null, null, null);
    }

    @JsonProperty(value = "state_name", access = JsonProperty.Access.READ_ONLY)
    public String stateName() {
        return state.label();
    }

    public Graph withId(String newId) {
        return new Graph(newId, name, state, digraph, edges, nodes, timeout, startDate, stopDate, deadline, idempotencyKey, digest, submitter, template);
    }

    public Graph withName(String newName) {
        return new Graph(id, newName, state, digraph, edges, nodes, timeout, startDate, stopDate, deadline, idempotencyKey, digest, submitter, template);
    }

    public Graph withTimeout(Integer seconds) {
        return new Graph(id, name, state, digraph, edges, nodes, seconds, startDate, stopDate, deadline, idempotencyKey, digest, submitter, template);
    }

    public Graph withNodes(List<Node> newNodes) {
        return new Graph(id, name, state, digraph, edges, newNodes, timeout, startDate, stopDate, deadline, idempotencyKey, digest, submitter, template);
    }

    public Graph withEdges(List<Integer> newDigraph, List<List<Integer>> newEdges) {
        return new Graph(id, name, state, newDigraph, newEdges, nodes, timeout, startDate, stopDate, deadline, idempotencyKey, digest, submitter, template);
    }

    public Graph withRun(State newState, Instant started, Instant stopped, Instant newDeadline) {
        return new Graph(id, name, newState, digraph, edges, nodes, timeout, started, stopped, newDeadline, idempotencyKey, digest, submitter, template);
    }

    public Graph withIdempotency(String key, String bodyDigest) {
        return new Graph(id, name, state, digraph, edges, nodes, timeout, startDate, stopDate, deadline, key, bodyDigest, submitter, template);
    }

    public Graph withSubmitter(Submitter owner) {
        return new Graph(id, name, state, digraph, edges, nodes, timeout, startDate, stopDate, deadline, idempotencyKey, digest, owner, template);
    }

    /** The run made from a stored template (null: submitted as a whole document). */
    public Graph withTemplate(TemplateRun run) {
        return new Graph(id, name, state, digraph, edges, nodes, timeout, startDate, stopDate, deadline, idempotencyKey, digest, submitter, run);
    }
}
