package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One node of a gorch document: what to run (engine, artifact, args, target, timeout, retry) and,
 * once submitted, how it goes (state, attempt, dates, exit code, captured outputs, past attempts).
 *
 * <p>{@code id} is the node's row and column in the adjacency matrix. {@code output} declares the
 * names to capture; after a successful run it holds their values. {@code timeout} is in seconds.
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

    public static final String NIL_ENGINE = "nil";

    public Node {
        state = state == null ? State.INITIAL : state;
        engine = engine == null || engine.isBlank() ? NIL_ENGINE : engine.trim();
        // Every state change copies the node: keep lists and maps that are already clean as they are.
        args = args == null ? List.of() : withoutNulls(args);
        output = Outputs.of(output);
        attempt = attempt == null ? 0 : attempt;
        retries = retries == null ? 0 : retries;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** A node as a user writes it: nothing has run yet. */
    public static Node of(Integer id, String name, String engine, String artifact, List<String> args) {
        return new Node(id, name, State.INITIAL, engine, artifact, args, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
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

    public Node withState(State newState) {
        return new Node(id, name, newState, engine, artifact, args, target, output, timeout, retry, attempt,
                startDate, stopDate, exitCode, message, worker, deadline, retryAt, retries, attempts);
    }

    public Node withTarget(String newTarget) {
        return new Node(id, name, state, engine, artifact, args, newTarget, output, timeout, retry, attempt,
                startDate, stopDate, exitCode, message, worker, deadline, retryAt, retries, attempts);
    }

    public Node withTimeout(Integer seconds) {
        return new Node(id, name, state, engine, artifact, args, target, output, seconds, retry, attempt,
                startDate, stopDate, exitCode, message, worker, deadline, retryAt, retries, attempts);
    }

    public Node withArgs(List<String> newArgs) {
        return new Node(id, name, state, engine, artifact, newArgs, target, output, timeout, retry, attempt,
                startDate, stopDate, exitCode, message, worker, deadline, retryAt, retries, attempts);
    }

    public Node withRetry(RetryPolicy policy) {
        return new Node(id, name, state, engine, artifact, args, target, output, timeout, policy, attempt,
                startDate, stopDate, exitCode, message, worker, deadline, retryAt, retries, attempts);
    }

    public Node withOutput(Map<String, String> newOutput) {
        return new Node(id, name, state, engine, artifact, args, target, newOutput, timeout, retry, attempt,
                startDate, stopDate, exitCode, message, worker, deadline, retryAt, retries, attempts);
    }

    /**
     * A fresh attempt was dispatched: the previous attempt's results are cleared, captured output
     * values included (the declared names stay), so a stale value can never feed a get_attribute.
     */
    public Node dispatched(int newAttempt, Instant reportDeadline) {
        return new Node(id, name, State.TORUN, engine, artifact, args, target, blankOutput(), timeout, retry, newAttempt,
                null, null, null, null, null, reportDeadline, null, retries, attempts);
    }

    /** The node as its author declared it: state initial, no attempt, no run results, output names without values. */
    public Node definition() {
        return definitionIn(State.INITIAL);
    }

    /** The definition in state torun: how every node starts a workflow's first pass. */
    public Node firstPass() {
        return definitionIn(State.TORUN);
    }

    private Node definitionIn(State initialState) {
        return new Node(id, name, initialState, engine, artifact, args, target, blankOutput(), timeout, retry, 0,
                null, null, null, null, null, null, null, 0, List.of());
    }

    public Node started(Instant at, String byWorker, Instant reportDeadline) {
        return new Node(id, name, State.RUNNING, engine, artifact, args, target, output, timeout, retry, attempt,
                at, stopDate, exitCode, message, byWorker, reportDeadline, retryAt, retries, attempts);
    }

    /** The attempt ended in {@code endState}; keeps an earlier start date when the event has none. */
    public Node finished(State endState, Instant started, Instant at, Integer code, String why, String byWorker, Map<String, String> outputs) {
        Instant startedAt = startDate != null ? startDate : started;
        String ranBy = byWorker != null ? byWorker : worker;
        Map<String, String> captured = outputs == null || outputs.isEmpty() ? output : Outputs.captured(output, outputs);
        return new Node(id, name, endState, engine, artifact, args, target, captured, timeout, retry, attempt,
                startedAt, at, code, why, ranBy, null, retryAt, retries,
                withAttempt(new Attempt(attempt, endState, startedAt, at, code, why, ranBy)));
    }

    /** The node will not run in this pass (notrunnable, canceled, timeout before start). */
    public Node closed(State endState, Instant at, String why) {
        List<Attempt> history = isInFlight()
                ? withAttempt(new Attempt(attempt, endState, startDate, at, exitCode, why, worker))
                : attempts;
        return new Node(id, name, endState, engine, artifact, args, target, output, timeout, retry, attempt,
                startDate, at, exitCode, why, worker, null, null, retries, history);
    }

    /** The attempt failed and will be tried again at {@code when}: back to torun, the failure kept in the history. */
    public Node retrying(Instant when) {
        String why = message + "; retry " + (retries + 1) + " at " + when;
        return new Node(id, name, State.TORUN, engine, artifact, args, target, output, timeout, retry, attempt,
                startDate, stopDate, exitCode, why, worker, deadline, when, retries + 1, attempts);
    }

    /** The node without its captured output values (the names stay), saying why in its message. */
    public Node withoutOutputValues(String why) {
        return new Node(id, name, state, engine, artifact, args, target, blankOutput(), timeout, retry, attempt,
                startDate, stopDate, exitCode, why, worker, deadline, retryAt, retries, attempts);
    }

    /** Back to torun for a rerun: a new pass with a fresh retry budget; history and attempt numbers go on. */
    public Node rerun() {
        return new Node(id, name, State.TORUN, engine, artifact, args, target, blankOutput(), timeout, retry, attempt,
                null, null, null, null, null, null, null, 0, attempts);
    }

    /** Built immutable, so that the constructor's {@code List.copyOf} keeps it as it is. */
    private List<Attempt> withAttempt(Attempt ended) {
        if (attempts.isEmpty()) {
            return List.of(ended);
        }
        Attempt[] history = attempts.toArray(new Attempt[attempts.size() + 1]);
        history[attempts.size()] = ended;
        return List.of(history);
    }

    private static List<String> withoutNulls(List<String> args) {
        try {
            return List.copyOf(args); // an immutable list as it is: every copy of the node passes here
        } catch (NullPointerException nullArg) {
            return args.stream().map(a -> a == null ? "" : a).toList();
        }
    }

    /** The declared output names, without values. */
    private Map<String, String> blankOutput() {
        return Outputs.blank(output);
    }
}
