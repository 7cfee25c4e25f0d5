package org.gorchestrator.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a node goes, one record per phase, each with only the data of its phase plus the node's
 * {@link Tries}: {@link Waiting} (not dispatched: initial, to run, or waiting for a retry),
 * {@link Dispatched} (queued for a worker, no report yet), {@link Running} (a worker started it),
 * {@link Finished} (an end state of this pass). What a node runs is its {@link NodeDefinition}.
 *
 * <p>Each change below is a legal one of {@link Transitions}' table; the engine checks it there.
 */
public sealed interface NodeRun permits NodeRun.Waiting, NodeRun.InFlight, NodeRun.Finished {

    /** Before the first dispatch of a workflow's first pass. */
    NodeRun FIRST_PASS = new Waiting(State.TORUN, Tries.NONE, null, null);
    /** A node of a document not submitted yet. */
    NodeRun INITIAL = new Waiting(State.INITIAL, Tries.NONE, null, null);

    State state();

    Tries tries();

    default int attempt() {
        return tries().attempt();
    }

    /** True while a dispatched attempt waits for its worker's report (queued or running). */
    default boolean isInFlight() {
        return false;
    }

    /** When the conductor stops waiting for the current attempt's report; null when none is in flight. */
    default Instant deadline() {
        return null;
    }

    /** When a failed node is tried again; null unless it waits for a retry. */
    default Instant retryAt() {
        return null;
    }

    /** The captured output values; empty unless the node succeeded and reported some. */
    default Map<String, String> outputs() {
        return Map.of();
    }

    /** The bytes its captured output values take in the document's JSON. O(1). */
    default long outputBytes() {
        return Outputs.valueBytes(outputs());
    }

    /** A fresh attempt was dispatched: the previous attempt's results and outputs go with the old phase. */
    default Dispatched dispatched(Instant reportDeadline) {
        return new Dispatched(tries().next(), reportDeadline);
    }

    /** The node will not run in this pass (notrunnable, canceled, timeout or failure of the graph). */
    Finished closed(State endState, Instant at, String why);

    /** Back to torun for a rerun: a new pass with a fresh retry budget; history and attempt numbers go on. */
    default Waiting rerun() {
        return new Waiting(State.TORUN, tries().newPass(), null, null);
    }

    /**
     * Not dispatched yet, or waiting for a retry. {@code previous} is the failed attempt a retry
     * waits after, shown in the document until the next dispatch (null otherwise).
     */
    record Waiting(State state, Tries tries, Attempt previous, Instant retryAt) implements NodeRun {
        public Waiting {
            if (state != State.INITIAL && state != State.TORUN) {
                throw new IllegalArgumentException("a waiting node is initial or torun, not " + state.label());
            }
        }

        @Override
        public Finished closed(State endState, Instant at, String why) {
            return previous == null
                    ? new Finished(endState, tries, null, at, null, why, null, null)
                    : new Finished(endState, tries, previous.startDate(), at, previous.exitCode(), why, previous.worker(), null);
        }
    }

    /** A dispatched attempt waiting for its worker's report: queued or running. */
    sealed interface InFlight extends NodeRun permits Dispatched, Running {
        @Override
        default boolean isInFlight() {
            return true;
        }

        /** The worker that reported it started, or null. */
        String worker();

        /** The attempt ended in {@code endState}; {@code outputs} are the captured values (null or empty: none). */
        Finished finished(State endState, Instant started, Instant at, Integer code, String why, String byWorker,
                Map<String, String> outputs);
    }

    /** Queued for a worker; {@code deadline} is when the conductor stops waiting for its report. */
    record Dispatched(Tries tries, Instant deadline) implements InFlight {
        @Override
        public State state() {
            return State.TORUN;
        }

        @Override
        public String worker() {
            return null;
        }

        public Running started(Instant at, String worker, Instant reportDeadline) {
            return new Running(tries, at, worker, reportDeadline);
        }

        @Override
        public Finished finished(State endState, Instant started, Instant at, Integer code, String why, String byWorker,
                Map<String, String> outputs) {
            Attempt ended = new Attempt(tries.attempt(), endState, started, at, code, why, byWorker);
            return new Finished(endState, tries.ended(ended), started, at, code, why, byWorker, outputs);
        }

        @Override
        public Finished closed(State endState, Instant at, String why) {
            return finished(endState, null, at, null, why, null, null);
        }
    }

    /** A worker started the current attempt. */
    record Running(Tries tries, Instant startDate, String worker, Instant deadline) implements InFlight {
        @Override
        public State state() {
            return State.RUNNING;
        }

        /** The start date and worker of the started report win over the final report's. */
        @Override
        public Finished finished(State endState, Instant started, Instant at, Integer code, String why, String byWorker,
                Map<String, String> outputs) {
            Instant startedAt = startDate != null ? startDate : started;
            String ranBy = byWorker != null ? byWorker : worker;
            Attempt ended = new Attempt(tries.attempt(), endState, startedAt, at, code, why, ranBy);
            return new Finished(endState, tries.ended(ended), startedAt, at, code, why, ranBy, outputs);
        }

        @Override
        public Finished closed(State endState, Instant at, String why) {
            Attempt ended = new Attempt(tries.attempt(), endState, startDate, at, null, why, worker);
            return new Finished(endState, tries.ended(ended), startDate, at, null, why, worker, null);
        }
    }

    /** This pass of the node ended in {@code state}; {@code outputs} holds the captured values (empty: none). */
    record Finished(State state, Tries tries, Instant startDate, Instant stopDate, Integer exitCode, String message,
            String worker, Map<String, String> outputs) implements NodeRun {
        public Finished {
            if (!state.isFinished()) {
                throw new IllegalArgumentException("a finished node is not " + state.label());
            }
            outputs = Outputs.of(outputs);
        }

        /** The failed attempt will be tried again at {@code when}: back to torun, the failure shown until then. */
        public Waiting retrying(Instant when) {
            String why = message + "; retry " + (tries.retries() + 1) + " at " + when;
            Attempt shown = new Attempt(tries.attempt(), state, startDate, stopDate, exitCode, why, worker);
            return new Waiting(State.TORUN, tries.retried(), shown, when);
        }

        /** The same end without its captured output values, saying why in its message. */
        public Finished withoutOutputs(String why) {
            return new Finished(state, tries, startDate, stopDate, exitCode, why, worker, null);
        }

        @Override
        public Finished closed(State endState, Instant at, String why) {
            throw new IllegalTransitionException("node", state, endState);
        }
    }

    /**
     * The node's attempts: the current attempt's number (0 before the first dispatch), the retries of
     * the current pass, and the history of the attempts that ended.
     */
    record Tries(int attempt, int retries, List<Attempt> history) {
        public static final Tries NONE = new Tries(0, 0, List.of());

        public Tries {
            history = history == null ? List.of() : List.copyOf(history);
        }

        Tries next() {
            return new Tries(attempt + 1, retries, history);
        }

        Tries retried() {
            return new Tries(attempt, retries + 1, history);
        }

        Tries newPass() {
            return new Tries(attempt, 0, history);
        }

        /** Built immutable, so that the constructor's {@code List.copyOf} keeps it as it is. */
        Tries ended(Attempt ended) {
            if (history.isEmpty()) {
                return new Tries(attempt, retries, List.of(ended));
            }
            Attempt[] all = history.toArray(new Attempt[history.size() + 1]);
            all[history.size()] = ended;
            return new Tries(attempt, retries, List.of(all));
        }
    }
}
