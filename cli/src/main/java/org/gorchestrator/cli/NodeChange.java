package org.gorchestrator.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/** A node seen in another state than the time before; the first time, any state past initial is a change. */
record NodeChange(Node node, State before) {

    /** Several changes seen at once are told in the order they happened; those without a date (torun) last. */
    private static final Comparator<NodeChange> IN_TIME = Comparator.comparing(NodeChange::at, Comparator.nullsLast(Comparator.naturalOrder()));

    /** The nodes of {@code now} whose state differs from what {@code seen} holds, oldest change first; updates {@code seen}. */
    static List<NodeChange> since(Map<Integer, State> seen, Graph now) {
        List<NodeChange> changes = new ArrayList<>();
        for (Node node : now.nodes()) {
            State before = seen.getOrDefault(node.id(), State.INITIAL);
            if (before != node.state()) {
                changes.add(new NodeChange(node, before));
            }
            seen.put(node.id(), node.state());
        }
        changes.sort(IN_TIME);
        return changes;
    }

    /** When the node reached its state: its end, or its start while it runs. */
    private Instant at() {
        return node.stopDate() != null && node.state().isFinished() ? node.stopDate() : node.startDate();
    }

    static Map<Integer, State> none() {
        return new HashMap<>();
    }

    /** A failure the user wants to hear of at once: the node failed or timed out. */
    boolean wentWrong() {
        return node.state() == State.FAILURE || node.state() == State.TIMEOUT;
    }

    /** {@code break failure: exit code 3}, with the node's message when it has one. */
    String describe() {
        String text = node.displayName() + " " + node.stateName();
        if (node.attempt() > 1) {
            text += " (attempt " + node.attempt() + ")";
        }
        return Printable.of(node.message() == null || node.state() == State.RUNNING ? text : text + ": " + node.message());
    }
}
