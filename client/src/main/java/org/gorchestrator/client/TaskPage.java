package org.gorchestrator.client;

import java.util.List;
import java.util.Optional;

/** One page of the task list, newest first; {@link #next()} is the cursor of the page after it, empty on the last. */
public record TaskPage(List<TaskSummary> tasks, Optional<String> next) {
    public TaskPage {
        tasks = List.copyOf(tasks);
        next = next == null ? Optional.empty() : next;
    }
}
