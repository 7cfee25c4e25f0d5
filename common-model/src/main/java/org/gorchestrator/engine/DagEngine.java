package org.gorchestrator.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.ArgReference;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * Walks a workflow's DAG: {@code decide(state, input)} returns the new state, the nodes now ready
 * and the state changes to publish. No I/O, no clock (times come from the inputs), no Spring, no
 * Kafka: the conductor loads the state, calls this, stores the result and forwards the rest.
 *
 * <p>Rules: a node is dispatched once all its predecessors succeeded; a failed node makes every
 * node downstream of it {@code notrunnable}; the graph ends {@code success} when every node
 * succeeded, else {@code failure}, or {@code canceled} when canceled. Reports about an attempt
 * that is not the node's current one, or in a state where they cannot apply, change nothing.
 */
public final class DagEngine {

    public Decision decide(WorkflowState state, EngineInput input) {
        if (input instanceof WorkflowCommand.Submit submit) {
            return state != null ? Decision.unchanged(state) : submit(submit);
        }
        if (state == null) {
            return Decision.unchanged(null);
        }
        Run run = new Run(state, input.at());
        if (input instanceof WorkflowCommand.Cancel) {
            run.cancel();
        } else if (input instanceof NodeEvent event && isCurrentAttempt(state, event)) {
            if (event instanceof NodeEvent.Started started) {
                run.started(started);
            } else if (event instanceof NodeEvent.Succeeded succeeded) {
                run.succeeded(succeeded);
            } else if (event instanceof NodeEvent.Failed failed) {
                run.failed(failed.nodeId(), State.FAILURE, failed.startedAt(), failed.exitCode(), failed.message(), failed.worker());
            }
        }
        return run.decision();
    }

    private Decision submit(WorkflowCommand.Submit submit) {
        Graph graph = submit.graph().withId(submit.workflowId());
        // A document may carry a previous run's results (a GET response posted again): start clean,
        // or a stale attempt number could match a stale event for a node that was never dispatched.
        List<Node> initial = graph.nodes().stream().map(Node::definition).toList();
        WorkflowState state = WorkflowState.of(graph.withNodes(initial).withRun(State.INITIAL, null, null));
        Run run = new Run(state, submit.at());
        run.events.add(new WorkflowEvent.Submitted(state.id(), graph, submit.at()));
        run.setGraphState(State.RUNNING);
        for (int id = 0; id < state.size(); id++) {
            state.setNode(state.node(id).withState(State.TORUN));
        }
        for (int id = 0; id < state.size(); id++) {
            if (state.pending(id) == 0 && state.node(id).state() == State.TORUN) {
                run.dispatch(id);
            }
        }
        run.finishIfDone();
        return run.decision();
    }

    private static boolean isCurrentAttempt(WorkflowState state, NodeEvent event) {
        if (event.nodeId() >= state.size() || state.isFinished()) {
            return false;
        }
        Node node = state.node(event.nodeId());
        boolean inFlight = node.state() == State.TORUN || node.state() == State.RUNNING;
        return inFlight && node.attempt() == event.attempt();
    }

    /** The changes made while deciding one input. */
    private static final class Run {
        private final WorkflowState state;
        private final Instant at;
        private final List<NodeCommand> commands = new ArrayList<>();
        private final List<WorkflowEvent> events = new ArrayList<>();

        Run(WorkflowState state, Instant at) {
            this.state = state;
            this.at = at;
        }

        Decision decision() {
            return new Decision(state, commands, events);
        }

        void started(NodeEvent.Started started) {
            Node node = state.node(started.nodeId());
            if (node.state() == State.TORUN) {
                change(node.started(started.at(), started.worker()));
            }
        }

        void succeeded(NodeEvent.Succeeded event) {
            Node node = state.node(event.nodeId());
            change(node.finished(State.SUCCESS, event.startedAt(), event.at(), event.exitCode(), null, event.worker(), event.outputs()));
            for (int k = 0; k < state.dag().outDegree(node.id()); k++) {
                int next = state.dag().successor(node.id(), k);
                if (state.predecessorSucceeded(next) == 0 && state.node(next).state() == State.TORUN) {
                    dispatch(next);
                }
            }
            finishIfDone();
        }

        void failed(int nodeId, State endState, Instant startedAt, Integer exitCode, String message, String worker) {
            Node node = state.node(nodeId);
            change(node.finished(endState, startedAt, at, exitCode, message, worker, Map.of()));
            markDownstreamNotRunnable(nodeId);
            finishIfDone();
        }

        void cancel() {
            if (state.isFinished()) {
                return;
            }
            for (State inFlight : List.of(State.TORUN, State.RUNNING)) {
                for (int id : state.nodeIdsIn(inFlight)) {
                    change(state.node(id).closed(State.CANCELED, at, "canceled"));
                }
            }
            setGraphState(State.CANCELED);
        }

        void dispatch(int id) {
            Node node = state.node(id);
            List<String> args = new ArrayList<>(node.args().size());
            try {
                for (String arg : node.args()) {
                    // Looks up only the node the arg names: O(1), not a map of every node's outputs.
                    args.add(ArgReference.resolve(arg, state::outputsOfSucceeded));
                }
            } catch (ArgReference.MissingOutputException e) {
                change(node.dispatched(node.attempt() + 1));
                failed(id, State.FAILURE, null, null, e.getMessage(), null);
                return;
            }
            Node queued = node.dispatched(node.attempt() + 1);
            change(queued);
            commands.add(new NodeCommand(state.id(), id, queued.attempt(), queued.displayName(), queued.engine(), queued.artifact(),
                    args, queued.target(), List.copyOf(queued.output().keySet()), queued.timeout(), at));
        }

        private void markDownstreamNotRunnable(int failedId) {
            Deque<Integer> todo = new ArrayDeque<>();
            todo.push(failedId);
            while (!todo.isEmpty()) {
                int id = todo.pop();
                for (int k = 0; k < state.dag().outDegree(id); k++) {
                    int next = state.dag().successor(id, k);
                    Node node = state.node(next);
                    if (node.state() == State.TORUN || node.state() == State.INITIAL) {
                        change(node.closed(State.NOTRUNNABLE, at, "predecessor " + state.node(id).displayName() + " did not succeed"));
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
                allSucceeded = state.node(i).state() == State.SUCCESS;
            }
            setGraphState(allSucceeded ? State.SUCCESS : State.FAILURE);
        }

        void setGraphState(State newState) {
            state.setState(newState, at);
            events.add(new WorkflowEvent.WorkflowChanged(state.id(), newState, at));
        }

        private void change(Node updated) {
            state.setNode(updated);
            events.add(new WorkflowEvent.NodeChanged(state.id(), updated, at));
        }
    }
}
