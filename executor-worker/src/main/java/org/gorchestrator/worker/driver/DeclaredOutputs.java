package org.gorchestrator.worker.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gorchestrator.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Picks the values of the node's declared outputs out of its standard output, from lines
 * {@code NAME=value} and from lines {@code ::{"outputs": {"NAME": "value"}}::}. The later line wins.
 * Names that were not declared are ignored.
 */
final class DeclaredOutputs {
    private static final String JSON_START = "::{";
    private static final String JSON_END = "}::";

    private final Set<String> names;
    private final Map<String, String> values = new LinkedHashMap<>();

    DeclaredOutputs(List<String> names) {
        this.names = Set.copyOf(names);
    }

    synchronized void accept(String line) {
        if (names.isEmpty()) {
            return;
        }
        if (line.startsWith(JSON_START) && line.endsWith(JSON_END)) {
            acceptJson(line.substring(2, line.length() - 2));
            return;
        }
        int eq = line.indexOf('=');
        if (eq > 0 && names.contains(line.substring(0, eq))) {
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
    }

    synchronized Map<String, String> values() {
        return Map.copyOf(values);
    }

    private void acceptJson(String json) {
        JsonNode outputs;
        try {
            outputs = Json.mapper().readTree(json).path("outputs");
        } catch (JacksonException e) {
            return; // an ordinary line that happens to look like the marker
        }
        for (String name : names) {
            JsonNode value = outputs.get(name);
            if (value != null && !value.isNull()) {
                values.put(name, value.isString() ? value.asString() : value.toString());
            }
        }
    }
}
