package org.gorchestrator.api.admission;

import org.gorchestrator.model.Graph;

/** Decides whether a new submission is taken now or refused until the backlog has shrunk. */
@FunctionalInterface
public interface Admission {
    /** Takes everything: admission control turned off. */
    Admission OPEN = definition -> {};

    /**
     * @param definition the validated document about to be submitted
     * @throws AdmissionRefusedException when a backlog it would wait behind is over its limit
     */
    void admit(Graph definition);
}
