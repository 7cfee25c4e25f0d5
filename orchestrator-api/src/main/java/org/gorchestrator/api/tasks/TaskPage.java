package org.gorchestrator.api.tasks;

import java.util.List;
import java.util.Objects;
import org.gorchestrator.model.Graph;

/** One page of workflows, newest first; {@code next} is the cursor of the following page, null on the last. */
public record TaskPage(List<Graph> tasks, String next) {
    public TaskPage {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
    }
}
