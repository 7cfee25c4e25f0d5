package org.gorchestrator.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gorchestrator.json.Json;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * The scopes docs/openapi.json declares are the ones the security configuration enforces: a client generated from the
 * contract sends the token each operation needs, and an operation documented as public really is.
 */
class DocumentedScopesTest {
    private static final Path OPENAPI = Path.of("..", "docs", "openapi.json");
    private static final ScopeNames DEFAULTS = new ScopeNames("gorch.submit", "gorch.read", "gorch.cancel", "gorch.logs",
            "gorch.admin", "gorch.engine.");

    @Test
    void everyOperationDocumentsTheScopeItsRuleAsksFor() throws Exception {
        JsonNode paths = Json.mapper().readTree(Files.readString(OPENAPI)).get("paths");
        List<String> checked = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                if (!operation.has("responses")) {
                    continue;
                }
                MockHttpServletRequest request = new MockHttpServletRequest(method.toUpperCase(), path.replaceAll("\\{[^}]+}", "x"));
                Optional<String> enforced = path.startsWith("/v1/schema/")
                        ? Optional.empty()
                        : ScopeRule.required(ScopeRule.api(DEFAULTS), request);
                assertThat(documented(operation)).as("%s %s", method, path).isEqualTo(enforced);
                checked.add(method + " " + path);
            }
        }
        assertThat(checked).contains("post /v1/tasks", "post /v1/templates/{name}/runs", "put /v1/schedules/{name}");
    }

    private static Optional<String> documented(JsonNode operation) {
        JsonNode bearer = operation.path("security").path(0).path("bearer");
        return bearer.isArray() && !bearer.isEmpty() ? Optional.of(bearer.get(0).asString()) : Optional.empty();
    }
}
