package org.gorchestrator.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.gorchestrator.model.Graph;

/** One workflow in a list: the seed's fields, with the state's code as in documents and its name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskSummary(String id, String name, int state, @JsonProperty("state_name") String stateName,
                          @JsonProperty("start_date") Instant startDate, @JsonProperty("stop_date") Instant stopDate) {

    public static TaskSummary of(Graph graph) {
        return new TaskSummary(graph.id(), graph.name(), graph.state().code(), graph.state().label(), graph.startDate(), graph.stopDate());
    }
}
