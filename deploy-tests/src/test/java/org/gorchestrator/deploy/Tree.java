package org.gorchestrator.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of parsed YAML (maps, lists, scalars), walked without casts; a missing node is an empty one. */
record Tree(Object value) {

    Tree get(String... path) {
        Object node = value;
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return new Tree(node);
    }

    boolean exists() {
        return value != null;
    }

    List<Tree> list() {
        return value instanceof List<?> items ? items.stream().map(Tree::new).toList() : List.of();
    }

    Map<String, Tree> map() {
        Map<String, Tree> entries = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> entries.put(String.valueOf(key), new Tree(inner)));
        }
        return entries;
    }

    /** The scalar as text (numbers and booleans too), or null. */
    String text() {
        return value == null ? null : String.valueOf(value);
    }

    int integer() {
        return value instanceof Number number ? number.intValue() : Integer.parseInt(text());
    }
}
