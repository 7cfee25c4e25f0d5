package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RerunTest extends ApiIntegrationTest {
    @ParameterizedTest
    @EnumSource(value = State.class, names = {"FAILURE", "TIMEOUT", "CANCELED"})
    void rerunningAWorkflowThatDidNotSucceedPublishesRerun(State state) {
        String id = publishWorkflow(state);

        ApiClient.Response response = rerun(id);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
        assertThat(response.json().get("state").asString()).isEqualTo("rerunning");
        assertThat(kafka.commandsFor(id)).singleElement().isInstanceOfSatisfying(WorkflowCommand.Rerun.class,
                rerun -> assertThat(rerun.workflowId()).isEqualTo(id));
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"INITIAL", "RUNNING"})
    void rerunningAWorkflowStillRunningIsAConflictAndChangesNothing(State state) {
        String id = publishWorkflow(state);

        ApiClient.Response response = rerun(id);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("still running");
        assertThat(response.json().get("state_name").asString()).isEqualTo(state.label());
        assertThat(kafka.commandsFor(id)).isEmpty();
    }

    @Test
    void rerunningAWorkflowThatSucceededIsAConflictAndChangesNothing() {
        String id = publishWorkflow(State.SUCCESS);

        ApiClient.Response response = rerun(id);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("nothing to rerun: every node").contains("succeeded");
        assertThat(kafka.commandsFor(id)).isEmpty();
    }

    @Test
    void rerunningAnUnknownWorkflowIsNotFound() {
        String id = ids.next();

        ApiClient.Response response = rerun(id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(kafka.commandsFor(id)).isEmpty();
    }

    private ApiClient.Response rerun(String id) {
        return api.send(api.request("/v1/tasks/" + id + "/rerun").POST(HttpRequest.BodyPublishers.noBody()));
    }
}
