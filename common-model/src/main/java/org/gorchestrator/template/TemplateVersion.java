package org.gorchestrator.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gorchestrator.model.Graph;

/**
 * One stored version of a template: a validated gorch document whose args may hold {@code get_input NAME}, and
 * the inputs it declares. {@code owner} is who stored it, once requests are authenticated (null until then).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateVersion(int version, Graph document, Map<String, InputSpec> inputs, Instant created, String owner) {
    public TemplateVersion {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(created, "created");
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        if (version < 1) {
            throw new IllegalArgumentException("versions count from 1, was " + version);
        }
    }
}
