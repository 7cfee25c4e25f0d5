package org.gorchestrator.template;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored template with its versions, oldest first: the value of its record (keyed by name) on the compacted
 * templates topic. An archived template keeps its versions but starts no new run and no schedule tick.
 */
public record Template(String name, boolean archived, List<TemplateVersion> versions) {
    public Template {
        Objects.requireNonNull(name, "name");
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    @JsonIgnore
    public Optional<TemplateVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<TemplateVersion> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    /** This template with {@code next} added as its newest version, keeping at most {@code keep} versions. */
    public Template with(TemplateVersion next, int keep) {
        List<TemplateVersion> all = new ArrayList<>(versions);
        all.add(next);
        return new Template(name, false, all.subList(Math.max(0, all.size() - keep), all.size()));
    }

    public Template archive() {
        return new Template(name, true, versions);
    }

    /** The number the next stored version gets: numbers are never reused, even after old versions were dropped. */
    public int nextVersion() {
        return latest().map(v -> v.version() + 1).orElse(1);
    }
}
