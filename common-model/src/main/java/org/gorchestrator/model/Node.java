package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
@JsonIgnoreProperties(ignoreUnknown = true)
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
        output = output == null || output.isEmpty() ? Map.of() : copyOutputs(output);
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

    /** True while a dispatched attempt waits for its worker's report (queued or running). */
    @JsonIgnore
    public boolean isInFlight() {
        return state == State.RUNNING || (state == State.TORUN && deadline != null);
    }

    public Node withState(State newState) {
        return copy(c -> c.state = newState);
    }

    public Node withTarget(String newTarget) {
        return copy(c -> c.target = newTarget);
    }

    public Node withTimeout(Integer seconds) {
        return copy(c -> c.timeout = seconds);
    }

    public Node withRetry(RetryPolicy policy) {
        return copy(c -> c.retry = policy);
    }

    public Node withOutput(Map<String, String> newOutput) {
        return copy(c -> c.output = newOutput);
    }

    /**
     * A fresh attempt was dispatched: the previous attempt's results are cleared, captured output
     * values included (the declared names stay), so a stale value can never feed a get_attribute.
     */
    public Node dispatched(int newAttempt, Instant reportDeadline) {
        return copy(c -> {
            c.clearRun();
            c.state = State.TORUN;
            c.attempt = newAttempt;
            c.deadline = reportDeadline;
        });
    }

    /** The node as its author declared it: state initial, no attempt, no run results, output names without values. */
    public Node definition() {
        return copy(c -> {
            c.clearRun();
            c.state = State.INITIAL;
            c.attempt = 0;
            c.retries = 0;
            c.attempts = List.of();
        });
    }

    public Node started(Instant at, String byWorker, Instant reportDeadline) {
        return copy(c -> {
            c.state = State.RUNNING;
            c.startDate = at;
            c.worker = byWorker;
            c.deadline = reportDeadline;
        });
    }

    /** The attempt ended in {@code endState}; keeps an earlier start date when the event has none. */
    public Node finished(State endState, Instant started, Instant at, Integer code, String why, String byWorker, Map<String, String> outputs) {
        return copy(c -> {
            if (outputs != null && !outputs.isEmpty()) {
                Map<String, String> merged = new LinkedHashMap<>(output);
                output.keySet().stream().filter(outputs::containsKey).forEach(k -> merged.put(k, outputs.get(k)));
                c.output = merged;
            }
            c.state = endState;
            c.startDate = startDate != null ? startDate : started;
            c.stopDate = at;
            c.exitCode = code;
            c.message = why;
            c.worker = byWorker != null ? byWorker : worker;
            c.deadline = null;
            c.attempts = withAttempt(new Attempt(attempt, endState, c.startDate, at, code, why, c.worker));
        });
    }

    /** The node will not run in this pass (notrunnable, canceled, timeout before start). */
    public Node closed(State endState, Instant at, String why) {
        boolean attemptEnds = isInFlight();
        return copy(c -> {
            c.state = endState;
            c.stopDate = at;
            c.message = why;
            c.deadline = null;
            c.retryAt = null;
            if (attemptEnds) {
                c.attempts = withAttempt(new Attempt(attempt, endState, startDate, at, exitCode, why, worker));
            }
        });
    }

    /** The attempt failed and will be tried again at {@code when}: back to torun, the failure kept in the history. */
    public Node retrying(Instant when) {
        return copy(c -> {
            c.state = State.TORUN;
            c.retryAt = when;
            c.retries = retries + 1;
            c.message = message + "; retry " + (retries + 1) + " at " + when;
        });
    }

    /** Back to torun for a rerun: a new pass with a fresh retry budget; history and attempt numbers go on. */
    public Node rerun() {
        return copy(c -> {
            c.clearRun();
            c.state = State.TORUN;
            c.retries = 0;
        });
    }

    public Duration timeoutOr(Duration fallback) {
        return timeout == null ? fallback : Duration.ofSeconds(timeout);
    }

    private List<Attempt> withAttempt(Attempt ended) {
        List<Attempt> history = new ArrayList<>(attempts.size() + 1);
        history.addAll(attempts);
        history.add(ended);
        return history;
    }

    private static List<String> withoutNulls(List<String> args) {
        for (String arg : args) {
            if (arg == null) {
                return args.stream().map(a -> a == null ? "" : a).toList();
            }
        }
        return List.copyOf(args);
    }

    private Node copy(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new Node(id, name, f.state, engine, artifact, args, f.target, f.output, f.timeout, f.retry, f.attempt,
                f.startDate, f.stopDate, f.exitCode, f.message, f.worker, f.deadline, f.retryAt, f.retries, f.attempts);
    }

    /** The changeable fields of a node, for {@link #copy}. */
    private static final class Fields {
        State state;
        String target;
        Map<String, String> output;
        Integer timeout;
        RetryPolicy retry;
        int attempt;
        Instant startDate;
        Instant stopDate;
        Integer exitCode;
        String message;
        String worker;
        Instant deadline;
        Instant retryAt;
        int retries;
        List<Attempt> attempts;

        Fields(Node n) {
            state = n.state;
            target = n.target;
            output = n.output;
            timeout = n.timeout;
            retry = n.retry;
            attempt = n.attempt;
            startDate = n.startDate;
            stopDate = n.stopDate;
            exitCode = n.exitCode;
            message = n.message;
            worker = n.worker;
            deadline = n.deadline;
            retryAt = n.retryAt;
            retries = n.retries;
            attempts = n.attempts;
        }

        void clearRun() {
            if (!output.isEmpty()) {
                Map<String, String> blank = new LinkedHashMap<>();
                output.keySet().forEach(k -> blank.put(k, ""));
                output = blank;
            }
            startDate = null;
            stopDate = null;
            exitCode = null;
            message = null;
            worker = null;
            deadline = null;
            retryAt = null;
        }
    }

    private static Map<String, String> copyOutputs(Map<String, String> source) {
        Map<String, String> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return Collections.unmodifiableMap(copy);
    }
}
