package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(post.get("requestBody").toString()).contains("#/components/schemas/Graph");
        assertThat(post.get("parameters")).as("besides the body, a submit takes only the Idempotency-Key header").singleElement()
                .satisfies(header -> {
                    assertThat(header.get("name").asString()).isEqualTo("Idempotency-Key");
                    assertThat(header.get("in").asString()).isEqualTo("header");
                    assertThat(header.get("description").asString()).contains("do not sort by time").contains("across restarts");
                });
        assertThat(post.get("responses").get("400").toString()).contains("ProblemDetail");
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
