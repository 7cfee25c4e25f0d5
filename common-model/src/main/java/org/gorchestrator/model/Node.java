package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a gorch document: what to run (engine, artifact, args, target) and, once submitted,
 * how it went (state, attempt, dates, exit code, captured outputs).
 *
 * <p>{@code id} is the node's row and column in the adjacency matrix. {@code output} declares the
 * names to capture; after a successful run it holds their values. {@code timeout} is in seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(
        Integer id,
        String name,
        State state,
        String engine,
        String artifact,
        List<String> args,
        String target,
        Map<String, String> output,
        Integer timeout,
        Integer attempt,
        @JsonProperty("start_date") Instant startDate,
        @JsonProperty("stop_date") Instant stopDate,
        @JsonProperty("exit_code") Integer exitCode,
        String message,
        String worker) {

    public static final String NIL_ENGINE = "nil";

    public Node {
        state = state == null ? State.INITIAL : state;
        engine = engine == null || engine.isBlank() ? NIL_ENGINE : engine.trim();
        args = args == null ? List.of() : Collections.unmodifiableList(args.stream().map(a -> a == null ? "" : a).toList());
        output = output == null ? Map.of() : copyOutputs(output);
        attempt = attempt == null ? 0 : attempt;
    }

    /** A node as a user writes it: nothing has run yet. */
    public static Node of(int id, String name, String engine, String artifact, List<String> args) {
        return new Node(id, name, State.INITIAL, engine, artifact, args, null, null, null, null, null, null, null, null, null);
    }

    /** The name other nodes use in {@code get_attribute name:output}; falls back to the id. */
    public String displayName() {
        return name == null || name.isBlank() ? String.valueOf(id) : name;
    }

    @JsonProperty(value = "state_name", access = JsonProperty.Access.READ_ONLY)
    public String stateName() {
        return state.label();
    }

    public Node withState(State newState) {
        return new Node(id, name, newState, engine, artifact, args, target, output, timeout, attempt, startDate, stopDate, exitCode, message, worker);
    }

    public Node withTarget(String newTarget) {
        return new Node(id, name, state, engine, artifact, args, newTarget, output, timeout, attempt, startDate, stopDate, exitCode, message, worker);
    }

    public Node withTimeout(Integer seconds) {
        return new Node(id, name, state, engine, artifact, args, target, output, seconds, attempt, startDate, stopDate, exitCode, message, worker);
    }

    public Node withOutput(Map<String, String> newOutput) {
        return new Node(id, name, state, engine, artifact, args, target, newOutput, timeout, attempt, startDate, stopDate, exitCode, message, worker);
    }

    /**
     * A fresh attempt was dispatched: the previous attempt's results are cleared, captured output
     * values included (the declared names stay), so a stale value can never feed a get_attribute.
     */
    public Node dispatched(int newAttempt) {
        return new Node(id, name, State.TORUN, engine, artifact, args, target, blankOutputs(), timeout, newAttempt, null, null, null, null, null);
    }

    /** The node as its author declared it: state initial, no attempt, no run results, output names without values. */
    public Node definition() {
        return new Node(id, name, State.INITIAL, engine, artifact, args, target, blankOutputs(), timeout, 0, null, null, null, null, null);
    }

    public Node started(Instant at, String byWorker) {
        return new Node(id, name, State.RUNNING, engine, artifact, args, target, output, timeout, attempt, at, null, null, null, byWorker);
    }

    /** The attempt ended in {@code endState}; keeps an earlier start date when the event has none. */
    public Node finished(State endState, Instant started, Instant at, Integer code, String why, String byWorker, Map<String, String> outputs) {
        Map<String, String> merged = output;
        if (outputs != null && !outputs.isEmpty()) {
            merged = new LinkedHashMap<>(output);
            for (String declared : output.keySet()) {
                if (outputs.containsKey(declared)) {
                    merged.put(declared, outputs.get(declared));
                }
            }
        }
        return new Node(id, name, endState, engine, artifact, args, target, merged, timeout, attempt,
                startDate != null ? startDate : started, at, code, why, byWorker != null ? byWorker : worker);
    }

    /** The node will not run in this pass (notrunnable, canceled, timeout before start). */
    public Node closed(State endState, Instant at, String why) {
        return new Node(id, name, endState, engine, artifact, args, target, output, timeout, attempt, startDate, at, exitCode, why, worker);
    }

    private Map<String, String> blankOutputs() {
        Map<String, String> blank = new LinkedHashMap<>();
        output.keySet().forEach(k -> blank.put(k, ""));
        return blank;
    }

    private static Map<String, String> copyOutputs(Map<String, String> source) {
        Map<String, String> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return Collections.unmodifiableMap(copy);
    }
}
