package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gorchestrator.api.AuthorizationServer.ADMIN;
import static org.gorchestrator.api.AuthorizationServer.ALICE;
import static org.gorchestrator.api.AuthorizationServer.BOB;
import static org.gorchestrator.api.AuthorizationServer.DOCKER_ONLY;
import static org.gorchestrator.api.AuthorizationServer.EXPIRED;
import static org.gorchestrator.api.AuthorizationServer.READER;
import static org.gorchestrator.api.AuthorizationServer.STRANGER;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The API in mode jwt, with tokens of a real authorization server: who may do what, and who sees which tasks. Submissions
 * reach the view through Kafka as the conductor's would ({@link ConductorEcho}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(KafkaBroker.class)
@DirtiesContext // its own configuration: no other test shares this context, so it need not run on beside them
class SecurityTest {
    private static final AuthorizationServer ISSUER = AuthorizationServer.start();
    private static final String PROBLEM = "application/problem+json";
    private static final String NIL_DOCUMENT = Json.writeString(Graphs.seedExampleWith("nil"));

    @LocalServerPort
    int port;

    @Autowired
    Topics topics;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("gorch.security.mode", () -> "jwt");
        registry.add("gorch.security.jwt.issuer-uri", ISSUER::issuer);
        registry.add("gorch.security.jwt.audiences", () -> AuthorizationServer.AUDIENCE);
        registry.add("gorch.api.state-dir", () -> Path.of("target", "view-state-security-" + System.nanoTime()).toString());
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeAll
    static void waitForTheView(@LocalServerPort int port) {
        ApiClient admin = new ApiClient(port, ISSUER.token(ADMIN));
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/v1/tasks?limit=1").status() == 200);
    }

    private ApiClient as(String client) {
        return new ApiClient(port, ISSUER.token(client));
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        ApiClient.Response response = new ApiClient(port).get("/v1/tasks");

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("detail").asString()).contains("bearer token");
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        ApiClient.Response response = as(EXPIRED).get("/v1/tasks");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.json().get("detail").asString()).containsIgnoringCase("expired");
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        ApiClient.Response response = as(STRANGER).get("/v1/tasks");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.json().get("detail").asString()).contains("aud");
    }

    @Test
    void aTokenWithoutTheOperationsScopeIsForbidden() {
        ApiClient reader = as(READER);

        ApiClient.Response submit = reader.postJson("/v1/tasks", NIL_DOCUMENT);

        assertThat(submit.status()).isEqualTo(403);
        assertThat(submit.contentType()).startsWith(PROBLEM);
        assertThat(submit.json().get("scope").asString()).isEqualTo("gorch.submit");
        assertThat(reader.get("/v1/tasks").status()).isEqualTo(200);
        assertThat(reader.delete("/v1/tasks/0190c3a0-0000-7000-8000-000000000000").json().get("scope").asString()).isEqualTo("gorch.cancel");
    }

    @Test
    void aNodeOfAnEngineTheCallerHasNoScopeForIsForbiddenByName() {
        ApiClient.Response response = as(DOCKER_ONLY).postJson("/v1/tasks", NIL_DOCUMENT);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith(PROBLEM);
        JsonNode problem = response.json();
        assertThat(problem.get("engine").asString()).isEqualTo("nil");
        assertThat(problem.get("scope").asString()).isEqualTo("gorch.engine.nil");
        assertThat(problem.get("node").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains("node '" + problem.get("node").asString() + "'").contains("'nil'");
    }

    @Test
    void anotherSubjectsTaskIsNotFoundButTheAdminSeesAndCancelsIt() throws Exception {
        try (ConductorEcho conductor = ConductorEcho.start(topics, new KafkaTopicsClient(topics))) {
            ApiClient alice = as(ALICE);
            String id = submit(alice);
            ApiClient bob = as(BOB);
            ApiClient admin = as(ADMIN);

            JsonNode own = alice.get("/v1/tasks/" + id).json();
            assertThat(own.get("submitter").get("subject").asString()).isEqualTo(ALICE);
            assertThat(own.get("submitter").get("client_id").asString()).isEqualTo(ALICE);
            for (ApiClient.Response refused : List.of(bob.get("/v1/tasks/" + id), bob.get("/v1/tasks/" + id + "?wait=1s"),
                    bob.get("/v1/tasks/" + id + "/graph"), bob.get("/v1/tasks/" + id + "/nodes"), bob.get("/v1/tasks/" + id + "/nodes/a/logs"),
                    bob.delete("/v1/tasks/" + id), bob.postJson("/v1/tasks/" + id + "/rerun", ""))) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(404);
                assertThat(refused.contentType()).startsWith(PROBLEM);
            }
            assertThat(admin.get("/v1/tasks/" + id).status()).isEqualTo(200);
            assertThat(alice.get("/v1/tasks/" + id + "/nodes").status()).isEqualTo(200);
            assertThat(admin.delete("/v1/tasks/" + id).status()).isEqualTo(202);
        }
    }

    @Test
    void listsShowTheCallersOwnTasksAndTheAdminEveryone() throws Exception {
        try (ConductorEcho conductor = ConductorEcho.start(topics, new KafkaTopicsClient(topics))) {
            ApiClient alice = as(ALICE);
            ApiClient bob = as(BOB);
            String alices = submit(alice);
            String bobs = submit(bob);

            assertThat(ids(alice)).contains(alices).doesNotContain(bobs);
            assertThat(ids(bob)).contains(bobs).doesNotContain(alices);
            assertThat(ids(as(ADMIN))).contains(alices, bobs);
        }
    }

    @Test
    void theSameIdempotencyKeyOfTwoSubjectsSubmitsTwoTasks() throws Exception {
        try (ConductorEcho conductor = ConductorEcho.start(topics, new KafkaTopicsClient(topics))) {
            String alices = submitWithKey(as(ALICE), "nightly-build");
            String bobs = submitWithKey(as(BOB), "nightly-build");

            assertThat(bobs).isNotEqualTo(alices);
        }
    }

    @Test
    void aTriggerBelongsToWhoStoredItWithTheirEnginesAndOnlyTheyOrAnAdminChangeIt() {
        ApiClient admin = as(ADMIN);
        String template = NIL_DOCUMENT.replaceFirst("\\{", "{\"inputs\": {\"who\": {\"default\": \"x\"}},");
        assertThat(admin.putJson("/v1/templates/secured", template).status()).isEqualTo(201);
        assertThat(admin.get("/v1/templates/secured").json().get("owner").asString()).isEqualTo(ADMIN);
        String trigger = "{\"template\": \"secured\", \"topic\": \"orders\", \"inputs\": {\"who\": \"/customer\"}}";

        ApiClient.Response stored = as(ALICE).putJson("/v1/triggers/alices", trigger);

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("owner").get("subject").asString()).isEqualTo(ALICE);
        assertThat(stored.json().get("owner").get("engines")).extracting(JsonNode::asString).contains("nil");
        ApiClient.Response taken = as(BOB).putJson("/v1/triggers/alices", trigger);
        assertThat(taken.status()).isEqualTo(403);
        assertThat(taken.contentType()).startsWith(PROBLEM);
        assertThat(as(BOB).post("/v1/triggers/alices/pause", "application/json", HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(403);
        assertThat(as(BOB).delete("/v1/triggers/alices").status()).isEqualTo(403);
        assertThat(as(READER).putJson("/v1/triggers/readers", trigger).json().get("scope").asString()).isEqualTo("gorch.submit");
        ApiClient.Response noEngine = as(DOCKER_ONLY).putJson("/v1/triggers/docker", trigger);
        assertThat(noEngine.status()).isEqualTo(403);
        assertThat(noEngine.json().get("engine").asString()).isEqualTo("nil");
        assertThat(as(ALICE).post("/v1/triggers/alices/pause", "application/json", HttpRequest.BodyPublishers.noBody()).json()
                .get("paused").asBoolean()).isTrue();
        assertThat(as(ALICE).delete("/v1/triggers/alices").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> as(ALICE).get("/v1/triggers/alices").status() == 404);
    }

    @Test
    void probesAreOpenTheRestOfTheActuatorNeedsTheAdminScope() {
        ApiClient anonymous = new ApiClient(port);

        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isIn(200, 503);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        ApiClient.Response forbidden = as(ALICE).get("/actuator/metrics");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("scope").asString()).isEqualTo("gorch.admin");
        assertThat(as(ADMIN).get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void theApiDocumentationStaysReadable() {
        assertThat(new ApiClient(port).get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void theConsoleLearnsWhereToSignInWithoutAToken() {
        ApiClient.Response config = new ApiClient(port).get("/console/config.json");

        assertThat(config.status()).as(config.body()).isEqualTo(200);
        assertThat(config.json().get("mode").asString()).isEqualTo("jwt");
        assertThat(config.json().get("issuer").asString()).isEqualTo(ISSUER.issuer());
        assertThat(config.json().get("clientId").asString()).isEqualTo("gorch-console");
        assertThat(config.json().get("scopes").asString()).isEqualTo("openid gorch.read gorch.submit gorch.cancel gorch.logs");
    }

    private static String submit(ApiClient client) {
        ApiClient.Response accepted = client.postJson("/v1/tasks", NIL_DOCUMENT);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(client).contains(id));
        return id;
    }

    private static String submitWithKey(ApiClient client, String key) {
        ApiClient.Response accepted = client.send(client.request("/v1/tasks").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(NIL_DOCUMENT)));
        assertThat(accepted.status()).as(accepted.body()).isIn(200, 202);
        return accepted.json().get("id").asString();
    }

    private static List<String> ids(ApiClient client) {
        List<String> ids = new ArrayList<>();
        client.get("/v1/tasks?limit=500").json().get("tasks").forEach(task -> ids.add(task.get("id").asString()));
        return ids;
    }
}
