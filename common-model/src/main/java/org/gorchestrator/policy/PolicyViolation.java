package org.gorchestrator.policy;

import java.util.Objects;

/**
 * A node that the execution policy does not allow to run.
 *
 * @param rule    the broken rule, named as its property below {@code policy.} (e.g. {@code shell.programs})
 * @param message what the node asked for and what the rule allows
 */
public record PolicyViolation(int nodeId, String nodeName, String rule, String message) {
    public PolicyViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** The node as a user knows it: its id, and its name when it has one. */
    public String node() {
        return nodeName == null || nodeName.isBlank() ? "node " + nodeId : "node " + nodeId + " (" + nodeName + ")";
    }

    @Override
    public String toString() {
        return node() + " breaks execution policy rule " + rule + ": " + message;
    }
}
