package org.gorchestrator.engine;

import java.util.Locale;

/**
 * Why the engine refused an input: it names something the workflow never had, so no replay, retry
 * or reordering of legitimate records can have produced it. A duplicate or stale report, a second
 * submit, a cancel of a finished workflow or a rerun of one that is not failed are not refused: they
 * are what a redelivered record looks like, and change nothing.
 */
public enum Rejection {
    /** A command or report for a workflow that is not stored: never submitted, or purged after its retention. */
    UNKNOWN_WORKFLOW,
    /** A report for a node id the workflow does not have. */
    UNKNOWN_NODE,
    /** A report for an attempt of a node later than any the engine dispatched (attempt numbers only grow, reruns included). */
    UNKNOWN_ATTEMPT;

    /** The reason as metrics and dead letters name it: {@code unknown-workflow}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
