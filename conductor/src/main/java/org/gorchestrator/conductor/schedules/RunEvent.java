package org.gorchestrator.conductor.schedules;

import java.util.Objects;

/**
 * What the {@link RunWatcher} needs of a workflow event: a run a schedule started was submitted, or a run finished.
 * Every other event on the topic (each node change of every workflow) reads as null.
 */
public sealed interface RunEvent {
    /** A workflow.submitted event whose document records the schedule that fired it. */
    record Scheduled(String schedule) implements RunEvent {
        public Scheduled {
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /** A workflow.finished event. */
    record Finished() implements RunEvent {}
}
