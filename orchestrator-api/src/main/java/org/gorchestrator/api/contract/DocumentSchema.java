package org.gorchestrator.api.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.gorchestrator.json.Json;
import org.gorchestrator.validation.Limits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gorch document's JSON Schema (docs/schema/gorch-document.json) with this API's limits in place of the defaults it
 * states, so a client validating against what the API serves learns the limits the API enforces.
 */
public final class DocumentSchema {
    static final String RESOURCE = "gorch/schema/gorch-document.json";
    private static final String NODE = "/$defs/GorchNode/properties/";
    private static final String RETRY = "/$defs/GorchRetry/properties/";
    private final ObjectNode schema;

    public DocumentSchema(Limits limits) {
        this.schema = load();
        set(limits.maxTextLength(), "maxLength", "/properties/name", NODE + "name", NODE + "artifact", NODE + "target",
                NODE + "output/propertyNames");
        set(limits.maxTimeoutSeconds(), "maximum", "/properties/timeout", NODE + "timeout", RETRY + "initial_backoff",
                RETRY + "max_backoff");
        set(limits.maxNodes(), "maxItems", "/properties/nodes");
        set(limits.maxNodes() - 1L, "maximum", NODE + "id");
        set((long) limits.maxNodes() * limits.maxNodes(), "maxItems", "/properties/digraph");
        set(limits.maxEdges(), "maxItems", "/properties/edges");
        set(limits.maxArgs(), "maxItems", NODE + "args");
        set(limits.maxArgLength(), "maxLength", NODE + "args/items");
        ArrayNode engines = ((ObjectNode) schema.at(NODE + "engine")).putArray("enum");
        limits.engines().stream().sorted().forEach(engines::add);
        engines.add("").addNull();
    }

    /** The schema as a tree: the caller must not change it. */
    public JsonNode tree() {
        return schema;
    }

    public String json() {
        return Json.writeString(schema);
    }

    private void set(long value, String keyword, String... pointers) {
        Stream.of(pointers).forEach(pointer -> ((ObjectNode) schema.at(pointer)).put(keyword, value));
    }

    private static ObjectNode load() {
        try (InputStream in = DocumentSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
