package org.gorchestrator.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the task list, newest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskList(
        List<TaskSummary> tasks,
        @Schema(description = "Pass as 'after' to get the next page; absent on the last page") String next) {

    public TaskList {
        tasks = List.copyOf(tasks);
    }
}
