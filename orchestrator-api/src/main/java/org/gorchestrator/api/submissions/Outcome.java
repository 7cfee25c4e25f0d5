package org.gorchestrator.api.submissions;

import java.util.Objects;
import org.springframework.http.ProblemDetail;

/** What became of a Kafka-native submission, as told on {@code gorch.workflow-events}. */
public sealed interface Outcome {
    /** Accepted: the workflow runs (or, {@code replayed}, was accepted from an earlier delivery of the same request). */
    record Accepted(String workflowId, boolean replayed) implements Outcome {
        public Accepted {
            Objects.requireNonNull(workflowId, "workflowId");
        }
    }

    /** Rejected, with the problem {@code POST /v1/tasks} would have answered. */
    record Rejected(ProblemDetail problem) implements Outcome {
        public Rejected {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
