package org.gorchestrator.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.json.Json;
import org.gorchestrator.validation.Violation;
import tools.jackson.core.JacksonException;

/** An error answer as the API writes it, application/problem+json with {@code violations}; read leniently. */
record Problem(int status, String title, String detail, List<Violation> violations, Map<String, Object> properties) {
    private static final int MAX_TEXT = 500;
    private static final List<String> STANDARD = List.of("type", "title", "status", "detail", "instance", "violations");

    Problem {
        violations = List.copyOf(violations);
        properties = Map.copyOf(properties);
    }

    /** The problem in {@code body}; a body that is none (a proxy's error page) gives its status and the start of its text. */
    static Problem read(int status, String body) {
        Map<?, ?> members;
        try {
            members = body.isBlank() ? null : Json.mapper().readValue(body, Map.class);
        } catch (JacksonException notJson) {
            members = null;
        }
        if (members == null) {
            return new Problem(status, "HTTP " + status, clip(body.strip()), List.of(), Map.of());
        }
        return new Problem(status, text(members.get("title"), "HTTP " + status), text(members.get("detail"), ""),
                violations(members.get("violations")), others(members));
    }

    private static List<Violation> violations(Object value) {
        List<Violation> found = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> violation) {
                    found.add(new Violation(text(violation.get("field"), ""), text(violation.get("message"), "")));
                }
            }
        }
        return found;
    }

    private static Map<String, Object> others(Map<?, ?> members) {
        Map<String, Object> others = new LinkedHashMap<>();
        members.forEach((name, value) -> {
            if (value != null && !STANDARD.contains(String.valueOf(name))) {
                others.put(String.valueOf(name), value);
            }
        });
        return others;
    }

    private static String text(Object value, String otherwise) {
        return value == null ? otherwise : String.valueOf(value);
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
