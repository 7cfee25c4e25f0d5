package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class CancelTest extends ApiIntegrationTest {
    @Test
    void cancelingARunningWorkflowPublishesCancel() {
        String id = publishWorkflow(State.RUNNING);

        ApiClient.Response response = api.delete("/v1/tasks/" + id);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
        assertThat(response.json().get("state").asString()).isEqualTo("canceling");
        assertThat(kafka.commandsFor(id)).singleElement().isInstanceOfSatisfying(WorkflowCommand.Cancel.class,
                cancel -> assertThat(cancel.workflowId()).isEqualTo(id));
    }

    @Test
    void cancelingAJustSubmittedWorkflowFollowsItsSubmit() {
        String id = api.postJson("/v1/tasks", Graphs.seedExampleJson()).json().get("id").asString();

        assertThat(api.delete("/v1/tasks/" + id).status()).isEqualTo(202);
        assertThat(api.delete("/v1/tasks/" + id).status()).isEqualTo(202);

        assertThat(kafka.commandsFor(id)).hasExactlyElementsOfTypes(
                WorkflowCommand.Submit.class, WorkflowCommand.Cancel.class, WorkflowCommand.Cancel.class);
    }

    @Test
    void cancelingAFinishedWorkflowIsAConflictAndChangesNothing() {
        String id = publishWorkflow(State.SUCCESS);

        ApiClient.Response response = api.delete("/v1/tasks/" + id);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("already finished").contains("success");
        assertThat(response.json().get("state_name").asString()).isEqualTo("success");
        assertThat(kafka.commandsFor(id)).isEmpty();
    }

    @Test
    void cancelingAnUnknownWorkflowIsNotFound() {
        String id = ids.next();

        ApiClient.Response response = api.delete("/v1/tasks/" + id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(kafka.commandsFor(id)).isEmpty();
    }
}
