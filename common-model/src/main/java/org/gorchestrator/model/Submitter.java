package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Who submitted a workflow, as the API's authentication told it: the token's subject, which owns the workflow, and the
 * OAuth2 client it used (null when the token does not name one). Set by the API, never taken from a submitted document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Submitter(String subject, @JsonProperty("client_id") String clientId) {
    public Submitter {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }
}
