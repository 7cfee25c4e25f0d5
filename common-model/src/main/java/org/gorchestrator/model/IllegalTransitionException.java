package org.gorchestrator.model;

/** A state change that {@link Transitions} does not allow. Names both ends so a log line says what went wrong. */
public final class IllegalTransitionException extends IllegalStateException {
    private final State from;
    private final State to;

    public IllegalTransitionException(String what, State from, State to) {
        super("illegal " + what + " transition " + from.label() + " -> " + to.label());
        this.from = from;
        this.to = to;
    }

    public State from() {
        return from;
    }

    public State to() {
        return to;
    }
}
