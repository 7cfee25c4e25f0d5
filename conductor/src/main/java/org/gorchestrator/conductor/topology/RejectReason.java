package org.gorchestrator.conductor.topology;

import java.util.Locale;
import org.gorchestrator.engine.Rejection;
import org.gorchestrator.model.IllegalTransitionException;

/**
 * Why the conductor refused an input record, the {@code reason} of
 * {@code gorch_conductor_rejected_inputs_total} and of each dead letter ({@link DeadLetters}). Each
 * is a record no redelivery of a legitimate one produces: duplicates and stale reports change
 * nothing and are not rejections (see {@link Rejection}).
 */
enum RejectReason {
    /** The value is not the topic's JSON message, or there is none. */
    MALFORMED,
    /**
     * A command sent in parts ({@link CommandParts}) that cannot be joined: a part never came, the parts would join
     * into more than a command may take, or they waited too long for the rest.
     */
    INCOMPLETE_PARTS,
    /** The record's key is missing, is not the workflow id its value names, or cannot name a workflow. */
    KEY_MISMATCH,
    UNKNOWN_WORKFLOW,
    UNKNOWN_NODE,
    UNKNOWN_ATTEMPT,
    /** The engine found a state change its transition table does not allow: a bug, not a bad record, but the record goes. */
    ILLEGAL_TRANSITION,
    /** The engine failed on the input otherwise: a bug too. */
    ENGINE_ERROR;

    static RejectReason of(Rejection rejection) {
        return switch (rejection) {
            case UNKNOWN_WORKFLOW -> UNKNOWN_WORKFLOW;
            case UNKNOWN_NODE -> UNKNOWN_NODE;
            case UNKNOWN_ATTEMPT -> UNKNOWN_ATTEMPT;
        };
    }

    static RejectReason of(RuntimeException engineFailure) {
        return engineFailure instanceof IllegalTransitionException ? ILLEGAL_TRANSITION : ENGINE_ERROR;
    }

    /** As metrics and headers name it: {@code unknown-workflow}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
