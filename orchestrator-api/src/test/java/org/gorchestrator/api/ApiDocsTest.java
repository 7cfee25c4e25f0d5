package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gorchestrator.json.Json;
import org.gorchestrator.test.ContractCheck;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocsTest extends ApiIntegrationTest {

    @Test
    void swaggerUiIsServedAtApidocs() {
        ApiClient.Response response = api.get("/apidocs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void theOpenApiDocumentDescribesTheTaskOperations() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/v1/tasks").has("post")).isTrue();
        assertThat(paths.get("/v1/tasks").has("get")).isTrue();
        assertThat(paths.get("/v1/tasks/{id}").has("get")).isTrue();
        assertThat(paths.get("/v1/tasks/{id}").has("delete")).isTrue();
        assertThat(paths.get("/v1/tasks/{id}/rerun").has("post")).isTrue();
        assertThat(paths.get("/v1/tasks/{id}/nodes/{node}/logs").get("get").get("responses").get("200").get("content").propertyNames())
                .contains("text/plain", "text/event-stream");
        assertThat(paths.get("/v1/tasks").get("post").get("responses").has("202")).isTrue();
        JsonNode post = paths.get("/v1/tasks").get("post");
        assertThat(post.get("requestBody").toString()).contains("#/components/schemas/GorchDocument");
        assertThat(post.get("parameters")).as("besides the body, a submit takes only the Idempotency-Key header").singleElement()
                .satisfies(header -> {
                    assertThat(header.get("name").asString()).isEqualTo("Idempotency-Key");
                    assertThat(header.get("in").asString()).isEqualTo("header");
                    assertThat(header.get("description").asString()).contains("do not sort by time").contains("across restarts");
                });
        assertThat(post.get("responses").get("400").toString()).contains("#/components/schemas/Problem");
    }

    @Test
    void theDocumentStatesTheBuildsVersionTheBearerSchemeAndEachOperationsScope() {
        JsonNode docs = api.get("/v3/api-docs").json();

        assertThat(docs.get("openapi").asString()).startsWith("3.1");
        assertThat(docs.get("info").get("title").asString()).isEqualTo("Gorchestrator API");
        assertThat(docs.get("info").get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        JsonNode bearer = docs.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(bearer.get("description").asString())
                .contains("gorch.submit", "gorch.read", "gorch.cancel", "gorch.logs", "gorch.admin", "gorch.engine.<name>");
        JsonNode paths = docs.get("paths");
        assertThat(scope(paths.get("/v1/tasks").get("post"))).isEqualTo("gorch.submit");
        assertThat(scope(paths.get("/v1/tasks").get("get"))).isEqualTo("gorch.read");
        assertThat(scope(paths.get("/v1/tasks/{id}").get("delete"))).isEqualTo("gorch.cancel");
        assertThat(scope(paths.get("/v1/tasks/{id}/rerun").get("post"))).isEqualTo("gorch.cancel");
        assertThat(scope(paths.get("/v1/tasks/{id}/nodes/{node}/logs").get("get"))).isEqualTo("gorch.logs");
    }

    @Test
    void theSubmittedDocumentHasItsOwnSchemaWithReadOnlyServerFieldsLimitsAndEitherEdgeForm() {
        JsonNode schemas = api.get("/v3/api-docs").json().get("components").get("schemas");
        JsonNode document = schemas.get("GorchDocument");
        JsonNode node = schemas.get("GorchNode");

        assertThat(document.get("required").toString()).contains("nodes");
        assertThat(document.get("additionalProperties").asBoolean()).isFalse();
        assertThat(document.get("oneOf")).hasSize(2);
        assertThat(document.get("properties").get("id").get("readOnly").asBoolean()).isTrue();
        assertThat(document.get("properties").get("nodes").get("maxItems").asInt()).isEqualTo(1000);
        assertThat(node.get("properties").get("engine").get("enum").toString()).contains("shell", "sleep", "toscassh");
        assertThat(node.get("properties").get("attempts").get("readOnly").asBoolean()).isTrue();
        assertThat(schemas.get("Problem").get("properties").propertyNames())
                .contains("violations", "state", "id", "idempotency_key", "submission");
        assertThat(schemas.has("ProblemDetail")).isFalse();
    }

    @Test
    void everyRequestExampleOfTheSubmitIsAccepted() {
        JsonNode docs = api.get("/v3/api-docs").json();
        JsonNode examples = docs.get("paths").get("/v1/tasks").get("post").get("requestBody").get("content").get("application/json")
                .get("examples");

        assertThat(examples.propertyNames()).contains("seed", "seedRunnable", "edges");
        for (String name : examples.propertyNames()) {
            String ref = examples.get(name).get("$ref").asString();
            JsonNode value = docs.get("components").get("examples").get(ref.substring(ref.lastIndexOf('/') + 1)).get("value");
            assertThat(api.postJson("/v1/tasks", value.toString()).status()).as(name).isEqualTo(202);
        }
    }

    @Test
    void theDocumentSchemaIsServedWithTheApisLimits() {
        ApiClient.Response response = api.get("/v1/schema/gorch-document.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/schema+json");
        JsonNode schema = response.json();
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("properties").get("nodes").get("maxItems").asInt()).isEqualTo(1000);
    }

    @Test
    void theOpenApiDocumentPassesRedoclyLintWithTheRecommendedRules() throws Exception {
        String redocly = ContractCheck.command("redocly");
        Path document = Files.createDirectories(Path.of("target")).resolve("openapi.json");
        Files.writeString(document, api.get("/v3/api-docs").body());

        ContractCheck.Result lint = ContractCheck.run(redocly, "lint", "--config", ContractCheck.dir().resolve("redocly.yaml").toString(),
                document.toString());

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).doesNotContainPattern("\\d+ errors?");
    }

    /**
     * docs/openapi.json is what clients are generated from (contract-tests does, at build time): it must be the document
     * the API serves. After a change of the API, write it anew with -Dgorch.contracts.update=true.
     */
    @Test
    void theCommittedOpenApiDocumentIsTheOneServed() throws Exception {
        Path committed = ContractCheck.dir().resolveSibling("openapi.json");
        JsonNode served = api.get("/v3/api-docs").json();
        if (Boolean.getBoolean("gorch.contracts.update")) {
            Files.writeString(committed, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }

        assertThat(Json.mapper().readTree(Files.readString(committed)))
                .as("docs/openapi.json is not the served document: run this test with -Dgorch.contracts.update=true").isEqualTo(served);
    }

    private static String scope(JsonNode operation) {
        return operation.get("security").get(0).get("bearer").get(0).asString();
    }

    @Test
    void theReadOfATaskDocumentsItsWait() {
        JsonNode get = api.get("/v3/api-docs").json().get("paths").get("/v1/tasks/{id}").get("get");

        assertThat(get.get("parameters")).filteredOn(parameter -> parameter.get("name").asString().equals("wait")).singleElement()
                .satisfies(wait -> {
                    assertThat(wait.get("in").asString()).isEqualTo("query");
                    assertThat(wait.get("required").asBoolean()).isFalse();
                    assertThat(wait.get("schema").get("type").asString()).isEqualTo("string");
                    assertThat(wait.get("description").asString()).contains("gorch.api.max-wait").contains("1h30m");
                });
        assertThat(get.get("responses").propertyNames()).contains("200", "400", "404", "503");
    }
}
