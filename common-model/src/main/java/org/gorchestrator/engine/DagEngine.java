package org.gorchestrator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.gorchestrator.json.JsonSize;
import org.gorchestrator.message.Abort;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.Tick;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.ArgReference;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.NodeDefinition;
import org.gorchestrator.model.NodeRun;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;

/**
 * Walks a workflow's DAG: {@code decide(state, input)} returns the new state, the nodes now ready,
 * the attempts to kill and the state changes to publish. No I/O, no clock (times come from the
 * inputs; the conductor sends a {@link Tick} when {@link WorkflowState#nextWakeUp()} is due), no
 * Spring, no Kafka: the conductor loads the state, calls this, stores the result and forwards the rest.
 *
 * <p>Rules: a node is dispatched once all its predecessors succeeded; a failed or timed-out attempt
 * is retried while its node's retry policy allows, else the node's failure makes every node
 * downstream of it {@code notrunnable}; the graph ends {@code success} when every node succeeded,
 * else {@code failure}; {@code canceled} on cancel, {@code timeout} when its deadline passes.
 * Reports about an attempt that is not the node's current one, or that is no longer in flight,
 * change nothing; an input for a workflow not stored, or a report naming a node or attempt the
 * workflow never had, is {@link Decision#rejection() rejected} (and changes nothing either).
 *
 * <p>A workflow's state is one record, so what workers report is bounded
 * ({@link EngineSettings#maxOutputsBytes()}): a success whose outputs would take the workflow's
 * outputs over the limit fails its attempt, and a dispatch whose resolved args would go over it
 * fails too; an {@link Abort} fails the whole workflow and drops its outputs.
 */
public final class DagEngine {
    private final EngineSettings settings;
    // Most nodes set no timeout: what they get is worked out once, not boxed and added up per dispatch.
    private final Integer defaultTimeoutSeconds;
    private final Duration defaultReportWindow;

    public DagEngine() {
        this(EngineSettings.DEFAULTS);
    }

    public DagEngine(EngineSettings settings) {
        this.settings = settings;
        this.defaultTimeoutSeconds = (int) Math.max(1, settings.nodeTimeout().toSeconds());
        this.defaultReportWindow = settings.nodeTimeout().plus(settings.reportGrace());
    }

    public Decision decide(WorkflowState state, EngineInput input) {
        if (input instanceof WorkflowCommand.Submit submit) {
            return state != null ? Decision.unchanged(state) : submit(submit);
        }
        if (state == null) {
            return Decision.rejected(null, Rejection.UNKNOWN_WORKFLOW);
        }
        Run run = new Run(state, input.at());
        if (input instanceof WorkflowCommand.Cancel) {
            run.stopAll(State.CANCELED, State.CANCELED, "canceled");
        } else if (input instanceof WorkflowCommand.Rerun) {
            run.rerun();
        } else if (input instanceof Tick) {
            run.tick();
        } else if (input instanceof Abort abort) {
            run.abort(abort.reason());
        } else if (input instanceof NodeEvent event) {
            Rejection unknown = unknownAttempt(state, event);
            if (unknown != null) {
                return Decision.rejected(state, unknown);
            }
            if (isCurrentAttempt(state, event)) {
                run.report(event);
            }
        }
        return run.decision();
    }

    private Decision submit(WorkflowCommand.Submit submit) {
        Graph graph = submit.graph().withId(submit.workflowId());
        WorkflowState state = WorkflowState.submitted(graph);
        Run run = new Run(state, submit.at());
        run.addEvent(new WorkflowEvent.Submitted(state.id(), graph, submit.at()));
        run.startPass(false);
        run.dispatchReady();
        return run.decision();
    }

    /** Why {@code event} names an attempt the workflow never had, or null. */
    private static Rejection unknownAttempt(WorkflowState state, NodeEvent event) {
        if (event.nodeId() >= state.size()) {
            return Rejection.UNKNOWN_NODE;
        }
        return event.attempt() > state.run(event.nodeId()).attempt() ? Rejection.UNKNOWN_ATTEMPT : null;
    }

    private static boolean isCurrentAttempt(WorkflowState state, NodeEvent event) {
        if (state.isFinished()) {
            return false;
        }
        NodeRun run = state.run(event.nodeId());
        return run.isInFlight() && run.attempt() == event.attempt();
    }

    /**
     * {@code list}, which holds {@code size} items, plus {@code item}. Most inputs add at most three
     * items to each list: such lists stay immutable, which {@link Decision} keeps without a copy
     * (copying a growable list costs two arrays); a fourth item moves them to a growable list.
     */
    private static <T> List<T> appended(List<T> list, int size, T item) {
        return switch (size) {
            case 0 -> List.of(item);
            case 1 -> List.of(list.get(0), item);
            case 2 -> List.of(list.get(0), list.get(1), item);
            default -> {
                List<T> growable = size == 3 ? new ArrayList<>(list) : list;
                growable.add(item);
                yield growable;
            }
        };
    }

    /** The changes made while deciding one input. */
    private final class Run {
        private final WorkflowState state;
        private final Instant at;
        private List<NodeCommand> commands = List.of();
        private List<NodeKill> kills = List.of();
        private List<WorkflowEvent> events = List.of();
        // Counted here rather than asked of the lists: size() across the four list classes they go
        // through is a megamorphic interface call, a tenth of the engine's time in a profile.
        private int commandCount;
        private int killCount;
        private int eventCount;

        Run(WorkflowState state, Instant at) {
            this.state = state;
            this.at = at;
        }

        Decision decision() {
            return new Decision(state, commands, kills, events);
        }

        void addEvent(WorkflowEvent event) {
            events = appended(events, eventCount++, event);
        }

        private void addKill(NodeKill kill) {
            kills = appended(kills, killCount++, kill);
        }

        private void addCommand(NodeCommand command) {
            commands = appended(commands, commandCount++, command);
        }

        /** A report about the current attempt, which is in flight. */
        void report(NodeEvent event) {
            int id = event.nodeId();
            NodeRun.InFlight run = (NodeRun.InFlight) state.run(id);
            if (event instanceof NodeEvent.Started started) {
                if (run instanceof NodeRun.Dispatched queued) {
                    change(id, queued.started(started.at(), started.worker(), reportDeadline(state.definition(id), started.at())));
                }
            } else if (event instanceof NodeEvent.Succeeded ok) {
                NodeRun.Finished done = run.finished(State.SUCCESS, ok.startedAt(), ok.at(), ok.exitCode(), null, ok.worker(),
                        captured(state.definition(id), ok.outputs()));
                String overLimit = outputsOverLimit(run, done);
                if (overLimit == null) {
                    succeeded(id, done);
                } else {
                    attemptEnded(id, run.finished(State.FAILURE, ok.startedAt(), ok.at(), ok.exitCode(), overLimit, ok.worker(), null));
                }
            } else if (event instanceof NodeEvent.Failed failed) {
                attemptEnded(id, run.finished(State.FAILURE, failed.startedAt(), at, failed.exitCode(), failed.message(), failed.worker(), null));
            } else if (event instanceof NodeEvent.TimedOut timedOut) {
                attemptEnded(id, run.finished(State.TIMEOUT, timedOut.startedAt(), at, null, timedOut.message(), timedOut.worker(), null));
            }
        }

        /** The reported values of the node's declared outputs; null when none was reported. */
        private static Map<String, String> captured(NodeDefinition definition, Map<String, String> reported) {
            return reported == null || reported.isEmpty() ? null : definition.captured(reported);
        }

        /** Why {@code done}'s outputs may not be kept, or null when the workflow's outputs stay within the limit. */
        private String outputsOverLimit(NodeRun running, NodeRun done) {
            long total = state.outputBytes() - running.outputBytes() + done.outputBytes();
            if (total <= settings.maxOutputsBytes()) {
                return null;
            }
            return "its outputs (" + done.outputBytes() + " bytes) would bring the workflow's outputs to " + total
                    + " bytes, over the limit of " + settings.maxOutputsBytes() + " (max-workflow-outputs-size); they were not kept";
        }

        private void succeeded(int id, NodeRun.Finished done) {
            change(id, done);
            for (int k = 0; k < state.dag().outDegree(id); k++) {
                int next = state.dag().successor(id, k);
                if (state.predecessorSucceeded(next) == 0 && state.run(next).state() == State.TORUN) {
                    dispatch(next);
                }
            }
            finishIfDone();
        }

        /** A failed or timed-out attempt: try again later if the policy allows, else the node's failure is final. */
        private void attemptEnded(int id, NodeRun.Finished ended) {
            change(id, ended);
            RetryPolicy policy = state.definition(id).retryPolicy();
            int retries = ended.tries().retries();
            if (retries < policy.attempts() - 1) {
                change(id, ended.retrying(at.plus(policy.backoff(retries + 1))));
                return;
            }
            markDownstreamNotRunnable(id);
            finishIfDone();
        }

        /** Time passed: the graph's deadline, report deadlines of attempts in flight, retry times. */
        void tick() {
            if (state.isFinished()) {
                return;
            }
            if (state.deadline() != null && !at.isBefore(state.deadline())) {
                stopAll(State.TIMEOUT, State.TIMEOUT, "the graph's deadline " + state.deadline() + " passed");
                return;
            }
            for (int id = 0; id < state.size() && !state.isFinished(); id++) {
                NodeRun run = state.run(id);
                if (run.state() == State.TORUN && run.retryAt() != null && !at.isBefore(run.retryAt())) {
                    dispatch(id);
                } else if (run instanceof NodeRun.InFlight flying && flying.deadline() != null && !at.isBefore(flying.deadline())) {
                    String why = "no report from " + (flying.worker() == null ? "any worker" : "worker " + flying.worker())
                            + " by " + flying.deadline() + " (timeout plus grace)";
                    addKill(new NodeKill(state.id(), id, flying.attempt(), why, at));
                    attemptEnded(id, flying.finished(State.TIMEOUT, null, at, null, why, null, null));
                }
            }
        }

        /** Cancel or graph timeout: attempts in flight end in {@code inFlightEnd} and are killed, the rest in {@code waitingEnd}. */
        void stopAll(State inFlightEnd, State graphEnd, String why) {
            if (state.isFinished()) {
                return;
            }
            State waitingEnd = State.CANCELED;
            for (int id = 0; id < state.size(); id++) {
                NodeRun run = state.run(id);
                if (run.isInFlight()) {
                    addKill(new NodeKill(state.id(), id, run.attempt(), why, at));
                    change(id, run.closed(inFlightEnd, at, why));
                } else if (!run.state().isFinished()) {
                    change(id, run.closed(waitingEnd, at, why));
                }
            }
            setGraphState(graphEnd);
        }

        /** The state no longer fits: outputs go, and so does the run if it still goes on. */
        void abort(String why) {
            for (int id = 0; id < state.size(); id++) {
                if (state.run(id) instanceof NodeRun.Finished done && done.outputBytes() > 0) {
                    change(id, done.withoutOutputs(why));
                }
            }
            stopAll(State.FAILURE, State.FAILURE, why);
        }

        void rerun() {
            if (state.state() != State.FAILURE && state.state() != State.TIMEOUT && state.state() != State.CANCELED) {
                return;
            }
            for (int id = 0; id < state.size(); id++) {
                if (state.run(id).state() != State.SUCCESS) {
                    change(id, state.run(id).rerun());
                }
            }
            state.countPending();
            startPass(true);
            dispatchReady();
        }

        void startPass(boolean rerun) {
            setGraphState(State.RUNNING, rerun);
            Integer seconds = state.toGraphHeader().timeout();
            state.setDeadline(at.plus(seconds == null ? settings.graphTimeout() : Duration.ofSeconds(seconds)));
        }

        void dispatchReady() {
            for (int id = 0; id < state.size(); id++) {
                if (state.pending(id) == 0 && state.run(id).state() == State.TORUN) {
                    dispatch(id);
                }
            }
            finishIfDone();
        }

        void dispatch(int id) {
            NodeDefinition node = state.definition(id);
            NodeRun.Dispatched queued = state.run(id).dispatched(reportDeadline(node, at));
            change(id, queued);
            List<String> args;
            String unresolvable;
            try {
                args = resolvedArgs(node);
                unresolvable = argsOverLimit(node, args);
            } catch (ArgReference.MissingOutputException e) {
                args = List.of();
                unresolvable = e.getMessage();
            }
            if (unresolvable != null) {
                attemptEnded(id, queued.finished(State.FAILURE, null, at, null, unresolvable, null, null));
                return;
            }
            addCommand(new NodeCommand(state.id(), id, queued.attempt(), node.displayName(), node.engine(), node.artifact(),
                    args, node.target(), outputNames(node), timeoutSeconds(node), at));
        }

        /** The node's args with each get_attribute reference replaced by the output it names; the node's own list when none is one. */
        private List<String> resolvedArgs(NodeDefinition node) throws ArgReference.MissingOutputException {
            if (node.args().isEmpty()) {
                return node.args();
            }
            List<String> args = new ArrayList<>(node.args().size());
            boolean resolvedAny = false;
            for (String arg : node.args()) {
                // Looks up only the node the arg names: O(1), not a map of every node's outputs.
                String resolved = ArgReference.resolve(arg, state::outputsOfSucceeded);
                resolvedAny |= resolved != arg;
                args.add(resolved);
            }
            // The node's own list when no arg was a reference: the document's bound already covers it.
            return resolvedAny ? args : node.args();
        }

        /**
         * Why the resolved args may not go in a command, or null: one output may be referenced by every
         * arg, so the args of a command can be far larger than the outputs they read.
         */
        private String argsOverLimit(NodeDefinition node, List<String> resolved) {
            if (resolved == node.args()) {
                return null;
            }
            long bytes = 0;
            for (String arg : resolved) {
                bytes += JsonSize.of(arg);
            }
            return bytes <= settings.maxOutputsBytes() ? null : "its args with get_attribute values resolved take " + bytes
                    + " bytes, over the limit of " + settings.maxOutputsBytes() + " (max-workflow-outputs-size)";
        }

        private static List<String> outputNames(NodeDefinition node) {
            return node.output().isEmpty() ? List.of() : List.copyOf(node.output().keySet());
        }

        /** The attempt's time limit in whole seconds, as its command carries it. */
        private Integer timeoutSeconds(NodeDefinition node) {
            return node.timeout() == null ? defaultTimeoutSeconds : Integer.valueOf(Math.max(1, node.timeout()));
        }

        /** When the conductor stops waiting for a report: the node's timeout plus a grace, from dispatch or from start. */
        private Instant reportDeadline(NodeDefinition node, Instant from) {
            Duration window = node.timeout() == null ? defaultReportWindow : Duration.ofSeconds(node.timeout()).plus(settings.reportGrace());
            return from.plus(window);
        }

        private void markDownstreamNotRunnable(int failedId) {
            Deque<Integer> todo = new ArrayDeque<>();
            todo.push(failedId);
            while (!todo.isEmpty()) {
                int id = todo.pop();
                for (int k = 0; k < state.dag().outDegree(id); k++) {
                    int next = state.dag().successor(id, k);
                    NodeRun run = state.run(next);
                    if (run.state() == State.TORUN || run.state() == State.INITIAL) {
                        change(next, run.closed(State.NOTRUNNABLE, at, "predecessor " + state.definition(id).displayName() + " did not succeed"));
                        todo.push(next);
                    }
                }
            }
        }

        void finishIfDone() {
            if (state.unfinished() > 0 || state.isFinished()) {
                return;
            }
            boolean allSucceeded = true;
            for (int i = 0; i < state.size() && allSucceeded; i++) {
                allSucceeded = state.run(i).state() == State.SUCCESS;
            }
            setGraphState(allSucceeded ? State.SUCCESS : State.FAILURE);
        }

        void setGraphState(State newState) {
            setGraphState(newState, false);
        }

        void setGraphState(State newState, boolean rerun) {
            state.setState(newState, at);
            addEvent(new WorkflowEvent.WorkflowChanged(state.id(), newState, rerun, at));
        }

        private void change(int id, NodeRun updated) {
            addEvent(new WorkflowEvent.NodeChanged(state.id(), state.setRun(id, updated), at));
        }
    }
}
