package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run came from when it was started from a stored template: the template's name and version, the
 * input values it ran with (defaults included), and the schedule that fired it, if one did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateRun(String name, int version, Map<String, String> inputs, String schedule) {
    public TemplateRun {
        Objects.requireNonNull(name, "name");
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
