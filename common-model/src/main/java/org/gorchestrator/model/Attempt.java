package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** How one finished try of a node went, kept in the node's history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"attempt", "state", "state_name", "start_date", "stop_date", "exit_code", "message", "worker"})
public record Attempt(
        int attempt,
        State state,
        @JsonProperty("start_date") Instant startDate,
        @JsonProperty("stop_date") Instant stopDate,
        @JsonProperty("exit_code") Integer exitCode,
        String message,
        String worker) {

    @JsonProperty(value = "state_name", access = JsonProperty.Access.READ_ONLY)
    public String stateName() {
        return state.label();
    }
}
