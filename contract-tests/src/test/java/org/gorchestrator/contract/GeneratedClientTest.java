package org.gorchestrator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.gorchestrator.contract.client.ApiClient;
import org.gorchestrator.contract.client.ApiException;
import org.gorchestrator.contract.client.api.TasksApi;
import org.gorchestrator.contract.client.model.GorchDocument;
import org.gorchestrator.contract.client.model.TaskId;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A client generated from docs/openapi.json at build time, used as another system would use it. */
@ExtendWith(KafkaBroker.class)
class GeneratedClientTest {
    @TempDir
    static Path dataDir;
    static GorchSystem system;
    static TasksApi tasks;

    @BeforeAll
    static void start() {
        system = new GorchSystem(dataDir).apiAndConductor();
        ApiClient client = new ApiClient();
        client.updateBaseUri(system.baseUrl());
        tasks = new TasksApi(client);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theGeneratedClientSubmitsTheSeedExampleAndReadsItBack() throws Exception {
        GorchDocument seed = new ApiClient().getObjectMapper().readValue(Graphs.seedExampleJson(), GorchDocument.class);

        TaskId accepted = tasks.submit(seed, null);

        assertThat(accepted.getId()).isNotBlank();
        assertThat(tasks.get(accepted.getId(), "5s").getName()).isEqualTo("Valid");
    }

    @Test
    void aProblemComesBackAsTheDocumentedProblem() {
        GorchDocument empty = new GorchDocument().name("no nodes");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> tasks.submit(empty, null));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("\"violations\"");
    }
}
