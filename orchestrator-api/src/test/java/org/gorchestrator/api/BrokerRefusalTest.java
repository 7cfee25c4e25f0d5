package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.config.TopicConfig;
import org.gorchestrator.api.tasks.WorkflowIds;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Submissions the broker refuses (here: every command is over the topic's max.message.bytes): the client is told that
 * nothing was submitted, a read of the id says so instead of an ambiguous not-found, and a repeat with the same
 * Idempotency-Key submits once the broker takes commands again.
 */
class BrokerRefusalTest extends SmallLimitsApiTest {
    private static final String TINY = "64";
    private static final String USUAL = String.valueOf(8 * 1024 * 1024);

    @BeforeEach
    void brokerRefusesCommands() {
        setTopicConfig(topics.workflowCommands(), TopicConfig.MAX_MESSAGE_BYTES_CONFIG, TINY);
    }

    @AfterEach
    void brokerTakesCommands() {
        setTopicConfig(topics.workflowCommands(), TopicConfig.MAX_MESSAGE_BYTES_CONFIG, USUAL);
    }

    @Test
    void aRefusedSubmissionIsKnownNotSubmitted() {
        ApiClient.Response refused = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.postJson("/v1/tasks", Graphs.seedExampleJson()), response -> response.status() != 202);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("submission").asString()).isEqualTo("failed");
        assertThat(refused.json().get("detail").asString()).contains("nothing was submitted: submit again");
        String id = refused.json().get("id").asString();
        for (String read : new String[] {"/v1/tasks/" + id, "/v1/tasks/" + id + "?wait=30s"}) {
            ApiClient.Response answer = api.get(read);
            assertThat(answer.status()).as(read).isEqualTo(404);
            assertThat(answer.json().get("title").asString()).isEqualTo("Task not submitted");
            assertThat(answer.json().get("submission").asString()).isEqualTo("failed");
            assertThat(answer.json().get("detail").asString()).contains("it will not run: submit again");
            assertThat(answer.header("Retry-After")).isNull();
        }
        assertThat(kafka.commandsFor(id)).isEmpty();
    }

    @Test
    void aRefusedKeyedSubmissionIsSubmittedByItsRepeatOnceTheBrokerTakesCommands() throws Exception {
        String key = "order-" + UUID.randomUUID();
        String id = WorkflowIds.forIdempotencyKey(key);
        ApiClient.Response refused = await().atMost(Duration.ofSeconds(10))
                .until(() -> submit(key), response -> response.status() != 202);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("detail").asString()).contains("repeat the request with the same Idempotency-Key");

        brokerTakesCommands();
        try (ConductorEcho ignored = ConductorEcho.start(topics, kafka)) {
            ApiClient.Response repeat = await().atMost(Duration.ofSeconds(10))
                    .until(() -> submit(key), response -> response.status() != 503);

            assertThat(repeat.status()).isEqualTo(202);
            assertThat(repeat.json().get("id").asString()).isEqualTo(id);
            assertThat(kafka.commandsFor(id)).singleElement().isInstanceOf(WorkflowCommand.Submit.class);
            assertThat(api.get("/v1/tasks/" + id).status()).isEqualTo(200);
        }
    }

    private ApiClient.Response submit(String key) {
        return api.send(api.request("/v1/tasks").header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Graphs.seedExampleJson())));
    }
}
