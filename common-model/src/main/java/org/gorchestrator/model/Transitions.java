package org.gorchestrator.model;

import static org.gorchestrator.model.State.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every legal state change of a node and of a graph, in one table. Anything else is a bug in the
 * engine, so {@link #checkNode} and {@link #checkGraph} throw rather than quietly accept it.
 */
public final class Transitions {

    private static final Map<State, Set<State>> NODE = new EnumMap<>(State.class);
    private static final Map<State, Set<State>> GRAPH = new EnumMap<>(State.class);

    static {
        // A torun node that was dispatched may report success or failure before its "started" arrives.
        NODE.put(INITIAL, EnumSet.of(TORUN, CANCELED, NOTRUNNABLE));
        NODE.put(TORUN, EnumSet.of(RUNNING, SUCCESS, FAILURE, TIMEOUT, NOTRUNNABLE, CANCELED));
        NODE.put(RUNNING, EnumSet.of(SUCCESS, FAILURE, TIMEOUT, CANCELED, TORUN));
        NODE.put(SUCCESS, EnumSet.noneOf(State.class));
        // Rerun brings a node that did not succeed back to torun.
        NODE.put(FAILURE, EnumSet.of(TORUN));
        NODE.put(TIMEOUT, EnumSet.of(TORUN));
        NODE.put(NOTRUNNABLE, EnumSet.of(TORUN));
        NODE.put(CANCELED, EnumSet.of(TORUN));

        GRAPH.put(INITIAL, EnumSet.of(RUNNING, SUCCESS, CANCELED));
        GRAPH.put(RUNNING, EnumSet.of(SUCCESS, FAILURE, TIMEOUT, CANCELED));
        GRAPH.put(SUCCESS, EnumSet.noneOf(State.class));
        GRAPH.put(FAILURE, EnumSet.of(RUNNING));
        GRAPH.put(TIMEOUT, EnumSet.of(RUNNING));
        GRAPH.put(CANCELED, EnumSet.of(RUNNING));
        GRAPH.put(TORUN, EnumSet.noneOf(State.class));
        GRAPH.put(NOTRUNNABLE, EnumSet.noneOf(State.class));
    }

    private Transitions() {}

    public static boolean nodeAllows(State from, State to) {
        return NODE.get(from).contains(to);
    }

    public static boolean graphAllows(State from, State to) {
        return GRAPH.get(from).contains(to);
    }

    public static State checkNode(State from, State to) {
        if (!nodeAllows(from, to)) {
            throw new IllegalTransitionException("node", from, to);
        }
        return to;
    }

    public static State checkGraph(State from, State to) {
        if (!graphAllows(from, to)) {
            throw new IllegalTransitionException("graph", from, to);
        }
        return to;
    }
}
