package org.gorchestrator.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import org.gorchestrator.model.State;

/** One task of a list: its id, name, state and dates; written as JSON as the API writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskSummary(String id, String name, State state,
                          @JsonProperty("start_date") Instant startDate, @JsonProperty("stop_date") Instant stopDate) {
    public TaskSummary {
        Objects.requireNonNull(id, "id");
        state = state == null ? State.INITIAL : state;
    }

    @JsonProperty(value = "state_name", access = JsonProperty.Access.READ_ONLY)
    public String stateName() {
        return state.label();
    }
}
