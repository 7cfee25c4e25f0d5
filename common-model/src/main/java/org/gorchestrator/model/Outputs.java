package org.gorchestrator.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gorchestrator.json.JsonSize;

/**
 * A node's outputs: the declared names in declaration order, each with its value ({@code ""} until
 * captured). Immutable and never holding a null, so a copy of the node keeps the same instance:
 * most state changes do not touch outputs, and copying them anyway cost two maps per change.
 */
final class Outputs extends AbstractMap<String, String> {
    private final Map<String, String> values;
    private final long valueBytes;

    private Outputs(LinkedHashMap<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
        this.valueBytes = sum(values);
    }

    /** {@code source} as outputs, a null value blank; {@code source} itself when it already is outputs. */
    static Map<String, String> of(Map<String, String> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        if (source instanceof Outputs outputs) {
            return outputs;
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        source.forEach((name, value) -> copy.put(name, value == null ? "" : value));
        return new Outputs(copy);
    }

    /** The names of {@code declared}, every value blank: {@code declared} itself when none has a value. */
    static Map<String, String> blank(Map<String, String> declared) {
        if (allBlank(declared)) {
            return declared;
        }
        LinkedHashMap<String, String> blank = new LinkedHashMap<>();
        declared.keySet().forEach(name -> blank.put(name, ""));
        return new Outputs(blank);
    }

    private static boolean allBlank(Map<String, String> outputs) {
        if (outputs.isEmpty()) {
            return true; // without an iterator: most nodes declare no outputs
        }
        for (String value : outputs.values()) {
            if (!value.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The names of {@code declared}, with the values {@code reported} has for them; other reported names are dropped. */
    static Map<String, String> captured(Map<String, String> declared, Map<String, String> reported) {
        LinkedHashMap<String, String> merged = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            String captured = reported.containsKey(name) ? reported.get(name) : value;
            merged.put(name, captured == null ? "" : captured);
        });
        return new Outputs(merged);
    }

    /** The bytes the captured (non-blank) values of {@code outputs} take in JSON; outputs know theirs. */
    static long valueBytes(Map<String, String> outputs) {
        return outputs instanceof Outputs kept ? kept.valueBytes : sum(outputs);
    }

    private static long sum(Map<String, String> outputs) {
        long bytes = 0;
        for (String value : outputs.values()) {
            bytes += value == null || value.isEmpty() ? 0 : JsonSize.of(value);
        }
        return bytes;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return values.entrySet();
    }

    @Override
    public String get(Object name) {
        return values.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return values.containsKey(name);
    }

    @Override
    public int size() {
        return values.size();
    }
}
