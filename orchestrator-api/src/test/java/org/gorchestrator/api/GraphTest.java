package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.gorchestrator.model.State;
import org.junit.jupiter.api.Test;

class GraphTest extends ApiIntegrationTest {

    @Test
    void aTaskIsDrawnAsDotWithItsNodesStates() {
        String id = publishWorkflow(State.RUNNING);

        ApiClient.Response response = api.send(api.request("/v1/tasks/" + id + "/graph").header("Accept", "text/vnd.graphviz").GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/vnd.graphviz;charset=UTF-8");
        assertThat(response.body()).startsWith("digraph \"Valid\" {\n  rankdir=LR;")
                .contains("n0 [id=\"0\", label=\"a|toscassh|./sleep.sh|initial\"", "n5 -> n0;");
        assertThat(api.get("/v1/tasks/" + id + "/graph").body()).as("without Accept").isEqualTo(response.body());
    }

    @Test
    void anUnknownTaskIsNotFoundAndAnotherFormatNotAcceptable() {
        ApiClient.Response unknown = api.get("/v1/tasks/" + ids.next() + "/graph");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        String id = publishWorkflow(State.SUCCESS);
        assertThat(api.send(api.request("/v1/tasks/" + id + "/graph").header("Accept", "image/png").GET()).status()).isEqualTo(406);
    }
}
