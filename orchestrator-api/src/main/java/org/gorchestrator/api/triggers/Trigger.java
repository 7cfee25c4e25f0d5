package org.gorchestrator.api.triggers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.gorchestrator.api.templates.Owner;

/**
 * A trigger: a run of {@code template} for every record of {@code topic} written from {@code updated} on whose JSON
 * value has each {@code filter} pointer equal to its value; each input takes the value at its JSON pointer. The value of
 * its record (keyed by name) on the compacted triggers topic.
 *
 * @param inputs input name → JSON pointer into the record's value
 * @param filter JSON pointer → the value it must have (text; a number or boolean as written in JSON)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(String name, String template, String topic, Map<String, String> inputs, Map<String, String> filter,
                      boolean paused, Instant updated, Owner owner) {
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updated, "updated");
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        filter = filter == null ? Map.of() : Map.copyOf(filter);
    }

    public Trigger withPaused(boolean pause, Instant at) {
        return new Trigger(name, template, topic, inputs, filter, pause, at, owner);
    }
}
