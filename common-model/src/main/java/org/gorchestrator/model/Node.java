package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One node of a gorch document as the API and the events show it: its {@link NodeDefinition} (what
 * to run) and its {@link NodeRun} (how it goes) in the seed's format, one flat object. It is a
 * rendering: built from both by {@link #of(NodeDefinition, NodeRun)}, read back by
 * {@link #toDefinition()} and {@link #toRun()}; a change of state is a new run, never an edit of this.
 *
 * <p>{@code output} holds the declared names, with their captured values once the node succeeded.
 * {@code deadline} is when the conductor stops waiting for the current attempt's report;
 * {@code retry_at} is when a failed node is tried again; {@code retries} counts the retries of the
 * current pass (a rerun starts a new pass).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "state", "state_name", "engine", "artifact", "args", "target", "output", "timeout", "retry",
    "attempt", "start_date", "stop_date", "exit_code", "message", "worker", "deadline", "retry_at", "retries", "attempts"})
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
        RetryPolicy retry,
        Integer attempt,
        @JsonProperty("start_date") Instant startDate,
        @JsonProperty("stop_date") Instant stopDate,
        @JsonProperty("exit_code") Integer exitCode,
        String message,
        String worker,
        Instant deadline,
        @JsonProperty("retry_at") Instant retryAt,
        Integer retries,
        List<Attempt> attempts) {

    public static final String NIL_ENGINE = NodeDefinition.NIL_ENGINE;

    public Node {
        state = state == null ? State.INITIAL : state;
        engine = engine == null || engine.isBlank() ? NIL_ENGINE : engine.trim();
        args = args == null ? List.of() : NodeDefinition.withoutNulls(args);
        output = Outputs.of(output);
        attempt = attempt == null ? 0 : attempt;
        retries = retries == null ? 0 : retries;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** A node as a user writes it: nothing has run yet. */
    public static Node of(Integer id, String name, String engine, String artifact, List<String> args) {
        return of(NodeDefinition.of(id, name, engine, artifact, args), NodeRun.INITIAL);
    }

    /** The document's node for {@code definition} in the phase {@code run}: the one place a node is put together. */
    public static Node of(NodeDefinition definition, NodeRun run) {
        NodeRun.Tries tries = run.tries();
        Instant started = null;
        Instant stopped = null;
        Integer code = null;
        String why = null;
        String by = null;
        if (run instanceof NodeRun.Waiting waiting && waiting.previous() != null) {
            Attempt shown = waiting.previous();
            started = shown.startDate();
            stopped = shown.stopDate();
            code = shown.exitCode();
            why = shown.message();
            by = shown.worker();
        } else if (run instanceof NodeRun.Running running) {
            started = running.startDate();
            by = running.worker();
        } else if (run instanceof NodeRun.Finished finished) {
            started = finished.startDate();
            stopped = finished.stopDate();
            code = finished.exitCode();
            why = finished.message();
            by = finished.worker();
        }
        return new Node(definition.id(), definition.name(), run.state(), definition.engine(), definition.artifact(),
                definition.args(), definition.target(), outputOf(definition, run), definition.timeout(), definition.retry(),
                tries.attempt(), started, stopped, code, why, by, run.deadline(), run.retryAt(), tries.retries(), tries.history());
    }

    /** The node's output as the document shows it: the captured values once there are some, else the declared names. */
    public static Map<String, String> outputOf(NodeDefinition definition, NodeRun run) {
        return run.outputs().isEmpty() ? definition.output() : run.outputs();
    }

    /** The node as its author declared it: state initial, no attempt, no run results, output names without values. */
    public Node definition() {
        return of(toDefinition(), NodeRun.INITIAL);
    }

    /** What this node runs, without anything a run added (output names without values). */
    public NodeDefinition toDefinition() {
        return new NodeDefinition(id, name, engine, artifact, args, target, output, timeout, retry);
    }

    /** How this node goes, read from the document's fields by its state. */
    public NodeRun toRun() {
        NodeRun.Tries tries = new NodeRun.Tries(attempt, retries, attempts);
        return switch (state) {
            case INITIAL, TORUN -> deadline != null && state == State.TORUN
                    ? new NodeRun.Dispatched(tries, deadline)
                    : new NodeRun.Waiting(state, tries, shownAttempt(), retryAt);
            case RUNNING -> new NodeRun.Running(tries, startDate, worker, deadline);
            default -> new NodeRun.Finished(state, tries, startDate, stopDate, exitCode, message, worker,
                    outputBytes() > 0 ? output : null);
        };
    }

    /** The failed attempt a node waiting for its retry shows, or null when it shows none. */
    private Attempt shownAttempt() {
        if (startDate == null && stopDate == null && exitCode == null && message == null && worker == null) {
            return null;
        }
        State ended = attempts.isEmpty() ? State.FAILURE : attempts.get(attempts.size() - 1).state();
        return new Attempt(attempt, ended, startDate, stopDate, exitCode, message, worker);
    }

    /** The definition in state torun: how every node starts a workflow's first pass. */
    public Node firstPass() {
        return of(toDefinition(), NodeRun.FIRST_PASS);
    }

    /** The name other nodes use in {@code get_attribute name:output}; falls back to the id. */
    public String displayName() {
        return name == null || name.isBlank() ? String.valueOf(id) : name;
    }

    @JsonProperty(value = "state_name", access = JsonProperty.Access.READ_ONLY)
    public String stateName() {
        return state.label();
    }

    /** The retry policy in force: the node's own, or no retry. */
    public RetryPolicy retryPolicy() {
        return retry == null ? RetryPolicy.NONE : retry;
    }

    /** The bytes its captured output values take in the document's JSON. O(1). */
    public long outputBytes() {
        return Outputs.valueBytes(output);
    }

    /** True while a dispatched attempt waits for its worker's report (queued or running). */
    @JsonIgnore
    public boolean isInFlight() {
        return state == State.RUNNING || (state == State.TORUN && deadline != null);
    }

    public Node withTarget(String newTarget) {
        return of(toDefinition().withTarget(newTarget), toRun());
    }

    public Node withTimeout(Integer seconds) {
        return of(toDefinition().withTimeout(seconds), toRun());
    }

    public Node withArgs(List<String> newArgs) {
        return of(toDefinition().withArgs(newArgs), toRun());
    }

    public Node withRetry(RetryPolicy policy) {
        return of(toDefinition().withRetry(policy), toRun());
    }

    /** Declares output names (values are the run's: the definition keeps the names only). */
    public Node withOutput(Map<String, String> names) {
        return of(toDefinition().withOutput(names), toRun());
    }
}
