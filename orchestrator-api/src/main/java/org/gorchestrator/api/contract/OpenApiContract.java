package org.gorchestrator.api.contract;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gorchestrator.json.Json;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes springdoc's generated document a contract clients can be generated from: the title and the build's version,
 * the submitted document's schema (from its JSON Schema, readOnly server-owned fields, limits, oneOf digraph/edges)
 * apart from the read one, the problem+json schema the errors really have, header schemas, the bearer scheme with
 * each operation's scope, and examples on every operation.
 */
public final class OpenApiContract implements OpenApiCustomizer {
    static final String BEARER = "bearer";
    private static final String COMPONENTS = "gorch/openapi-components.json";
    private static final String SEED_EXAMPLE = "gorch/examples/example.json";
    private static final String VERSION = "gorch/api-version.properties";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String DESCRIPTION = """
            Submit gorch documents (a DAG of nodes, each run by an engine: shell, sleep, ansible, docker, ssh, toscassh), \
            follow their runs, cancel and rerun them, read their nodes' logs. Errors are RFC 9457 problem details whose \
            `violations` name each field. The document's JSON Schema is served at /v1/schema/gorch-document.json; the \
            events the orchestrator publishes on Kafka are described by docs/asyncapi.yaml. Durations (`wait`) are a \
            number of seconds (1.5) or Go-style parts (500ms, 30s, 2m, 1h30m). Lists page with `after`: pass the \
            previous page's `next`.""";
    private final DocumentSchema document;

    public OpenApiContract(DocumentSchema document) {
        this.document = document;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Gorchestrator API").version(buildVersion()).description(DESCRIPTION));
        api.servers(List.of(new Server().url("/").description("The host that serves this document")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        addDocumentSchemas(components);
        addComponents(components);
        components.addSecuritySchemes(BEARER, Scopes.scheme());
        api.getPaths().forEach(this::refine);
        components.getSchemas().remove("ProblemDetail");
    }

    private void refine(String path, PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> {
            // An empty requirement: the operation needs no token.
            operation.setSecurity(List.of(Scopes.of(path, method).map(scope -> new SecurityRequirement().addList(BEARER, scope))
                    .orElseGet(SecurityRequirement::new)));
            Examples.of(path, method).apply(operation);
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> refine(status, response));
            }
            if (path.equals("/v1/tasks") && method == PathItem.HttpMethod.POST) {
                submitBody(operation);
            }
        });
    }

    private static void refine(String status, ApiResponse response) {
        if (response.getHeaders() != null) {
            response.getHeaders().replaceAll((name, header) -> new Header().$ref("#/components/headers/" + name));
        }
        if ("429".equals(status) || "503".equals(status)) {
            response.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
        }
        MediaType problem = response.getContent() == null ? null : response.getContent().get(PROBLEM_JSON);
        if (problem != null) {
            problem.setSchema(new Schema<>().$ref(SCHEMAS + "Problem"));
        }
    }

    private static void submitBody(Operation operation) {
        MediaType body = new MediaType().schema(new Schema<>().$ref(SCHEMAS + "GorchDocument"))
                .examples(Map.of("seed", example("seedExample"), "seedRunnable", example("runnableSeedExample"),
                        "edges", example("sparseEdges")));
        operation.getRequestBody().content(new Content().addMediaType(JSON, body));
    }

    static Example example(String name) {
        return new Example().$ref("#/components/examples/" + name);
    }

    /** The document's JSON Schema as components: the root as GorchDocument, each of its $defs by its name. */
    private void addDocumentSchemas(Components components) {
        ObjectNode root = (ObjectNode) document.tree().deepCopy();
        ObjectNode defs = (ObjectNode) root.remove("$defs");
        root.remove("$schema");
        root.remove("$id");
        components.addSchemas("GorchDocument", schema(root));
        defs.properties().forEach(def -> components.addSchemas(def.getKey(), schema(def.getValue())));
    }

    /** Problem, Violation, the headers and the examples, declared in JSON beside this class. */
    private static void addComponents(Components components) {
        ObjectNode declared = (ObjectNode) read(COMPONENTS);
        ((ObjectNode) declared.get("examples").get("seedExample")).set("value", read(SEED_EXAMPLE));
        declared.get("schemas").properties().forEach(e -> components.addSchemas(e.getKey(), schema(e.getValue())));
        declared.get("headers").properties().forEach(e -> components.addHeaders(e.getKey(), convert(e.getValue(), Header.class)));
        declared.get("examples").properties().forEach(e -> components.addExamples(e.getKey(), convert(e.getValue(), Example.class)));
    }

    private static Schema<?> schema(JsonNode json) {
        String text = Json.writeString(json).replace("#/$defs/", SCHEMAS);
        try {
            return Json31.mapper().readValue(text, Schema.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T convert(JsonNode json, Class<T> type) {
        try {
            return Json31.mapper().readValue(Json.writeString(json), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = resource(resource)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String buildVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(VERSION)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static InputStream resource(String name) {
        InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }
}
