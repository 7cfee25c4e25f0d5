package org.gorchestrator.engine;

import java.util.List;
import java.util.Optional;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.State;

/**
 * What the engine decided for one input: the workflow's state after it (null when the input was
 * for an unknown workflow), the nodes to dispatch, the attempts to kill and the state changes to
 * publish. No events means the input changed nothing: a duplicate, a stale report, or a command
 * that does not apply; {@code rejection} (else null) says when it was refused besides ({@link Rejection}).
 */
public record Decision(WorkflowState state, List<NodeCommand> commands, List<NodeKill> kills, List<WorkflowEvent> events,
                       Rejection rejection) {
    public Decision {
        commands = List.copyOf(commands);
        kills = List.copyOf(kills);
        events = List.copyOf(events);
        if (rejection != null && !events.isEmpty()) {
            throw new IllegalArgumentException("a rejected input changes nothing");
        }
    }

    public Decision(WorkflowState state, List<NodeCommand> commands, List<NodeKill> kills, List<WorkflowEvent> events) {
        this(state, commands, kills, events, null);
    }

    public static Decision unchanged(WorkflowState state) {
        return new Decision(state, List.of(), List.of(), List.of());
    }

    public static Decision rejected(WorkflowState state, Rejection why) {
        return new Decision(state, List.of(), List.of(), List.of(), why);
    }

    public boolean changed() {
        return !events.isEmpty();
    }

    /** The state the workflow finished in by this input; empty when it is still going, or had finished before. */
    public Optional<State> finishedAs() {
        for (WorkflowEvent event : events) {
            if (event instanceof WorkflowEvent.WorkflowChanged changed && changed.state().isFinished()) {
                return Optional.of(changed.state());
            }
        }
        return Optional.empty();
    }
}
