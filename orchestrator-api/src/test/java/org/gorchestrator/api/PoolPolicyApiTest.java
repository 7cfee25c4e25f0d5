package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A document the target pool's workers would refuse to run is refused at submit, naming the node and the rule. */
class PoolPolicyApiTest extends SmallLimitsApiTest {
    @Test
    void aNodeThatBreaksItsPoolsPolicyIsA400NamingNodeAndRule() {
        Graph graph = Graph.of("policy", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(
                Node.of(0, "train", "docker", "registry.example.com/ml/trainer:2", List.of()).withTarget("pool:gpu"),
                Node.of(1, "shell-on-gpu", "shell", "sh", List.of("-c", "id")).withTarget("pool:gpu"),
                Node.of(2, "other-image", "docker", "alpine:3.19", List.of()).withTarget("pool:gpu")));

        ApiClient.Response response = api.postJson("/v1/tasks", Json.writeString(graph));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode violations = response.json().get("violations");
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0).get("field").asString()).isEqualTo("nodes[1].engine");
        assertThat(violations.get(0).get("message").asString())
                .isEqualTo("node 1 (shell-on-gpu) breaks execution policy rule engines: engine 'shell' is not one of [nil, docker]"
                        + " (workers of pool gpu)");
        assertThat(violations.get(1).get("field").asString()).isEqualTo("nodes[2].artifact");
        assertThat(violations.get(1).get("message").asString()).contains("node 2 (other-image)").contains("rule docker.images");
    }

    @Test
    void theDefaultPoolHasNoPolicyHere() {
        Graph graph = Graph.of("no policy", List.of(0), List.of(Node.of(0, "any", "shell", "sh", List.of("-c", "id"))));

        assertThat(api.postJson("/v1/tasks", Json.writeString(graph)).status()).isEqualTo(202);
    }
}
