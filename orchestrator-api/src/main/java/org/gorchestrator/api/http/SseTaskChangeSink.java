package org.gorchestrator.api.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gorchestrator.api.events.TaskChangeSink;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The task list's changes as Server-Sent Events: {@code task} (a {@link TaskSummary}), {@code removed} ({@code {"id"}}),
 * {@code counts} (state name to number of tasks) and {@code reset} (read the page again).
 */
final class SseTaskChangeSink extends SseStream implements TaskChangeSink {
    SseTaskChangeSink(SseEmitter emitter) {
        super(emitter);
    }

    @Override
    public void changed(Graph task) throws IOException {
        emit(SseEmitter.event().name("task").data(TaskSummary.of(task), MediaType.APPLICATION_JSON));
    }

    @Override
    public void removed(String id) throws IOException {
        emit(SseEmitter.event().name("removed").data(Map.of("id", id), MediaType.APPLICATION_JSON));
    }

    @Override
    public void counts(Map<State, Long> counts) throws IOException {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((state, count) -> byName.put(state.label(), count));
        emit(SseEmitter.event().name("counts").data(byName, MediaType.APPLICATION_JSON));
    }

    @Override
    public void reset() throws IOException {
        emit(SseEmitter.event().name("reset").data("reset"));
    }
}
