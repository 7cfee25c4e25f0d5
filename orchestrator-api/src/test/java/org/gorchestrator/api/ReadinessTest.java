package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Kubernetes sends traffic to an API instance only once its view answers reads. */
class ReadinessTest extends ApiIntegrationTest {

    @Test
    void readinessIncludesTheView() {
        ApiClient.Response readiness = api.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        JsonNode view = readiness.json().path("components").path("apiView");
        assertThat(view.path("status").asString()).isEqualTo("UP");
        assertThat(view.path("details").has("workflows")).isTrue();
    }
}
