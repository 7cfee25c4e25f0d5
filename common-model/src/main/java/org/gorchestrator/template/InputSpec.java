package org.gorchestrator.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One declared input of a template: required (a run must give it), or with a default used when a run does not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputSpec(@JsonProperty("default") String defaultValue, Boolean required) {
    public InputSpec {
        required = Boolean.TRUE.equals(required); // absent means optional
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("an input is either required or has a default, not both");
        }
    }
}
