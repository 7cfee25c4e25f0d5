package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.gorchestrator.api.triggers.Trigger;
import org.gorchestrator.api.triggers.TriggerService;
import org.gorchestrator.message.WorkflowCommand;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplatesTest extends ApiIntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.gorchestrator.kafka.StartTopics topicsOfStart;
    @org.springframework.beans.factory.annotation.Autowired
    TriggerService triggers;

    private static final String DEPLOY = """
            {"name": "deploy", "digraph": [0], "inputs": {"env": {"default": "staging"}, "version": {"required": true}},
             "nodes": [{"id": 0, "name": "deploy", "engine": "shell", "artifact": "deploy.sh",
                        "args": ["get_input version", "ENV=get_input env"]}]}""";

    private static String name() {
        return "deploy-" + UUID.randomUUID();
    }

    private static List<String> fields(ApiClient.Response response) {
        return StreamSupport.stream(response.json().get("violations").spliterator(), false).map(v -> v.get("field").asString()).toList();
    }

    @Test
    void eachPutIsANewVersionAndARunUsesTheNewestWithItsInputs() throws Exception {
        String name = name();
        ApiClient.Response first = api.putJson("/v1/templates/" + name, DEPLOY.replace("deploy.sh", "old.sh"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        ApiClient.Response second = api.putJson("/v1/templates/" + name, DEPLOY);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/templates/" + name + "/versions").json().get("versions").findValuesAsString("version"))
                .containsExactly("1", "2");
        assertThat(api.get("/v1/templates/" + name + "/versions/1").json().get("document").get("nodes").get(0).get("artifact")
                .asString()).isEqualTo("old.sh");

        try (ConductorEcho ignored = ConductorEcho.start(topics, kafka)) {
            ApiClient.Response run = api.postJson("/v1/templates/" + name + "/runs", "{\"inputs\": {\"version\": \"1.4\"}}");

            assertThat(run.status()).isEqualTo(202);
            String id = run.json().get("id").asString();
            assertThat(kafka.commandsFor(id)).singleElement().isInstanceOfSatisfying(WorkflowCommand.Submit.class, submit -> {
                assertThat(submit.graph().nodes().get(0).args()).containsExactly("1.4", "ENV=staging");
                assertThat(submit.graph().template().name()).isEqualTo(name);
                assertThat(submit.graph().template().version()).isEqualTo(2);
                assertThat(submit.graph().template().inputs()).containsEntry("version", "1.4").containsEntry("env", "staging");
            });
            JsonNode task = api.get("/v1/tasks/" + id).json();
            assertThat(task.get("template").get("version").asInt()).isEqualTo(2);
        }
    }

    @Test
    void unknownAndMissingInputsAreA400NamingThem() {
        String name = name();
        api.putJson("/v1/templates/" + name, DEPLOY);

        ApiClient.Response run = api.postJson("/v1/templates/" + name + "/runs", "{\"inputs\": {\"colour\": \"red\"}}");

        assertThat(run.status()).isEqualTo(400);
        assertThat(run.contentType()).startsWith("application/problem+json");
        assertThat(fields(run)).containsExactly("inputs.colour", "inputs.version");
        ApiClient.Response list = api.postJson("/v1/templates/" + name + "/runs", "{\"inputs\": {\"version\": [\"1.4\"]}}");
        assertThat(list.status()).isEqualTo(400);
        assertThat(fields(list)).containsExactly("inputs.version");
        assertThat(list.json().get("detail").asString()).contains("must be a string, not an array").doesNotContain("org.gorchestrator");
        ApiClient.Response array = api.postJson("/v1/templates/" + name + "/runs", "[]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("detail").asString()).contains("must be an object, not an array").doesNotContain("org.gorchestrator");
    }

    @Test
    void aTemplateUsingAnUndeclaredInputIsRefused() {
        ApiClient.Response put = api.putJson("/v1/templates/" + name(), DEPLOY.replace("\"env\": {\"default\": \"staging\"}, ", ""));

        assertThat(put.status()).isEqualTo(400);
        assertThat(fields(put)).containsExactly("nodes[0].args[1]");
    }

    @Test
    void aTemplateIsReadAsStrictlyAsADocument() {
        ApiClient.Response repeated = api.putJson("/v1/templates/" + name(),
                DEPLOY.replaceFirst("\"name\": \"deploy\", ", "\"name\": \"deploy\", \"name\": \"other\", "));
        ApiClient.Response broken = api.putJson("/v1/templates/" + name(), "{\"name\": x}");

        assertThat(repeated.status()).isEqualTo(400);
        assertThat(fields(repeated)).containsExactly("name");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).startsWith("body: malformed JSON: unrecognized token 'x'").endsWith("(line 1, column 10)");
    }

    @Test
    void anArchivedTemplateStartsNothingAndAnUnknownOneIsA404() {
        String name = name();
        api.putJson("/v1/templates/" + name, DEPLOY);

        assertThat(api.delete("/v1/templates/" + name).status()).isEqualTo(200);

        assertThat(api.postJson("/v1/templates/" + name + "/runs", "{\"inputs\": {\"version\": \"1\"}}").status()).isEqualTo(409);
        assertThat(api.get("/v1/templates/" + name).json().get("archived").asBoolean()).isTrue();
        ApiClient.Response unknown = api.get("/v1/templates/" + name());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aScheduleIsCheckedWhenStoredAndTellsItsNextFireTimes() {
        String template = name();
        api.putJson("/v1/templates/" + template, DEPLOY);
        String schedule = "/v1/schedules/" + name();

        ApiClient.Response bad = api.putJson(schedule, "{\"template\": \"" + template + "\", \"cron\": \"61 * * * *\","
                + " \"time_zone\": \"Mars/Olympus\", \"overlap\": \"sometimes\", \"inputs\": {\"colour\": \"red\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("overlap", "cron", "inputs.colour", "inputs.version");

        ApiClient.Response never = api.putJson(schedule, "{\"template\": \"" + template + "\", \"cron\": \"0 3 30 2 *\","
                + " \"inputs\": {\"version\": \"2\"}}");
        assertThat(never.status()).isEqualTo(400);
        assertThat(fields(never)).containsExactly("cron");
        assertThat(never.json().get("detail").asString()).contains("'0 3 30 2 *' never fires");
        ApiClient.Response notText = api.putJson(schedule, "{\"template\": \"" + template + "\", \"cron\": \"0 3 * * *\","
                + " \"inputs\": {\"version\": {\"major\": 2}}}");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(fields(notText)).containsExactly("inputs.version");
        assertThat(notText.json().get("detail").asString()).contains("must be a string, not an object");

        ApiClient.Response good = api.putJson(schedule, "{\"template\": \"" + template + "\", \"cron\": \"0 3 * * *\","
                + " \"time_zone\": \"Europe/Paris\", \"overlap\": \"skip\", \"missed\": \"run-once\", \"inputs\": {\"version\": \"2\"}}");
        assertThat(good.status()).isEqualTo(201);
        assertThat(good.json().get("next")).hasSize(5);
        assertThat(good.json().get("schedule").get("overlap").asString()).isEqualTo("skip");

        org.awaitility.Awaitility.await().atMost(VIEW_CATCH_UP).until(() -> api.get(schedule).status() == 200);
        assertThat(api.postJson(schedule + "/pause", "").json().get("next")).isEmpty();
        org.awaitility.Awaitility.await().atMost(VIEW_CATCH_UP)
                .until(() -> api.get(schedule + "?next=3").json().get("schedule").get("paused").asBoolean());

        assertThat(api.delete(schedule).status()).isEqualTo(204);
        org.awaitility.Awaitility.await().atMost(VIEW_CATCH_UP).until(() -> api.get(schedule).status() == 404);
        assertThat(kafka.tombstoned(topicsOfStart.schedules(), schedule.substring("/v1/schedules/".length())))
                .as("a delete is a tombstone, which compaction removes").isTrue();
    }

    @Test
    void aTriggerMayReadTheWorkflowEventsButNoOtherTopicOfTheSystemsOwn() {
        String template = name();
        api.putJson("/v1/templates/" + template, DEPLOY);
        String trigger = "{\"template\": \"" + template + "\", \"topic\": \"%s\", \"inputs\": {\"version\": \"/subject\"}}";

        for (String internal : List.of(topics.nodeCommands(), topics.workflowState(), "gorch.submissions", "__consumer_offsets",
                "gorch-conductor-live-state-changelog")) {
            ApiClient.Response refused = api.putJson("/v1/triggers/" + name(), trigger.formatted(internal));
            assertThat(refused.status()).as(internal).isEqualTo(400);
            assertThat(fields(refused)).containsExactly("topic");
            assertThat(refused.json().get("detail").asString()).contains("'" + internal + "' is a topic of this system's own");
        }
        assertThat(api.putJson("/v1/triggers/" + name(), trigger.formatted(topics.workflowEvents())).status()).isEqualTo(201);
        assertThat(api.putJson("/v1/triggers/" + name(), trigger.formatted("shop.orders")).status()).isEqualTo(201);
    }

    @Test
    void aTriggerOnASystemTopicStoredBeforeSuchTopicsWereRefusedIsNotFollowed() {
        String template = name();
        api.putJson("/v1/templates/" + template, DEPLOY);
        String onCommands = name();
        String onOrders = name();
        kafka.publish(topicsOfStart.triggers(), onCommands, new Trigger(onCommands, template, topics.nodeCommands(),
                Map.of("version", "/subject"), Map.of(), false, Instant.now(), null));
        assertThat(api.putJson("/v1/triggers/" + onOrders, "{\"template\": \"" + template + "\", \"topic\": \"shop.orders\", "
                + "\"inputs\": {\"version\": \"/subject\"}}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/triggers/" + onCommands).status() == 200
                && api.get("/v1/triggers/" + onOrders).status() == 200);

        assertThat(triggers.all()).extracting(Trigger::name).contains(onCommands, onOrders);
        assertThat(triggers.followable()).extracting(Trigger::name).contains(onOrders).doesNotContain(onCommands);
    }
}
