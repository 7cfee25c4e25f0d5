package org.gorchestrator.kafka.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.test.ContractCheck;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml: valid for the AsyncAPI CLI, and its payloads are the committed event schemas, the ones every
 * record the conductor writes is checked against (CloudEventsTest here, WorkflowEventsEndToEndTest on a running system).
 */
class AsyncApiTest {
    private static final Path ASYNCAPI = ContractCheck.dir().resolveSibling("asyncapi.yaml");

    @Test
    void theAsyncApiDocumentIsValid() throws Exception {
        String asyncapi = ContractCheck.command("asyncapi");

        ContractCheck.Result result = ContractCheck.run(asyncapi, "validate", ASYNCAPI.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("is valid").doesNotContainPattern("[1-9]\\d* errors?");
    }

    @Test
    void itDescribesThePublicTopicsWithTheEventSchemasOfEveryType() throws Exception {
        String document = Files.readString(ASYNCAPI);

        assertThat(document).contains("address: " + Topics.DEFAULTS.workflowEvents(), "address: " + Topics.DEFAULTS.workflowState(),
                "./events/cloudevent.v1.json", "read_committed", "traceparent", CloudEvents.CONTENT_TYPE);
        for (EventType.Payload payload : EventType.Payload.values()) {
            String name = payload.schema().toString().substring("urn:gorchestrator:events:".length());
            assertThat(document).contains("./events/" + name + ".json");
        }
    }
}
