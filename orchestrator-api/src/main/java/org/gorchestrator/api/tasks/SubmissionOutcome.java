package org.gorchestrator.api.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What became of a submission whose command the broker did not confirm while its request was answered. */
public sealed interface SubmissionOutcome {
    Duration SHORTLY = Duration.ofSeconds(1);

    /** Its name in problems: pending, delivered or failed. */
    String label();

    /** The title of the answer to a read of the workflow, which the view does not show. */
    String title();

    /** The detail of that answer: what became of the submission, and what to do. */
    String describe(String id);

    /** When a read may tell more; empty when this is final. */
    Optional<Duration> askAgainIn(Instant now);

    /** The producer is still trying; by {@code settledBy} it will have delivered the command or given up. */
    record Pending(Instant settledBy) implements SubmissionOutcome {
        public Pending {
            Objects.requireNonNull(settledBy, "settledBy");
        }

        @Override
        public String label() {
            return "pending";
        }

        @Override
        public String title() {
            return "Submission not confirmed yet";
        }

        @Override
        public String describe(String id) {
            return "the broker has not confirmed the submission of task " + id + " yet; by " + settledBy
                    + " it will have taken it or given up: ask again then";
        }

        @Override
        public Optional<Duration> askAgainIn(Instant now) {
            return Optional.of(settledBy.isAfter(now) ? Duration.between(now, settledBy) : SHORTLY);
        }
    }

    /** The broker has the command: the conductor will run the workflow (a repeat of the submit starts nothing new). */
    record Delivered() implements SubmissionOutcome {
        @Override
        public String label() {
            return "delivered";
        }

        @Override
        public String title() {
            return "Task not shown yet";
        }

        @Override
        public String describe(String id) {
            return "the broker has the submission of task " + id + ", but the conductor has not shown the task yet: ask again shortly";
        }

        @Override
        public Optional<Duration> askAgainIn(Instant now) {
            return Optional.of(SHORTLY);
        }
    }

    /** The producer gave up: the command was not delivered, the workflow will not run. */
    record Failed(String reason) implements SubmissionOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String label() {
            return "failed";
        }

        @Override
        public String title() {
            return "Task not submitted";
        }

        @Override
        public String describe(String id) {
            return "the submission of task " + id + " was not accepted (the broker did not take it: " + reason
                    + "); it will not run: submit again";
        }

        @Override
        public Optional<Duration> askAgainIn(Instant now) {
            return Optional.empty();
        }
    }
}
