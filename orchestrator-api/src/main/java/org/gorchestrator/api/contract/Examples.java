package org.gorchestrator.api.contract;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.HashMap;
import java.util.Map;

/** Which of the declared examples (openapi-components.json) shows each response of an operation. */
final class Examples {
    private static final Map<String, String> BY_STATUS = Map.of("400", "invalidParameter", "404", "taskNotFound",
            "409", "stateConflict", "413", "tooLarge", "429", "backlog", "503", "unavailable");
    private static final String DOT = """
            digraph "seed example, runnable here" {
              rankdir=LR;
              n0 [id="0", label="a|shell|examples/scripts/work.sh|success", fillcolor="#b7e1a1"];
              n1 [id="1", label="b|sleep||success", fillcolor="#b7e1a1"];
              n0 -> n1;
            }
            """;
    private static final String LOG = "provisioning network net0\nip_address=10.0.0.7\n";
    private final Map<String, String> byStatus;

    private Examples(Map<String, String> ownExamples) {
        this.byStatus = new HashMap<>(BY_STATUS);
        byStatus.putAll(ownExamples);
    }

    static Examples of(String path, HttpMethod method) {
        return new Examples(switch (method + " " + path) {
            case "POST /v1/tasks" -> Map.of("200", "taskId", "202", "taskId", "400", "invalidDocument", "409", "idempotencyConflict");
            case "GET /v1/tasks" -> Map.of("200", "taskList", "400", "invalidCursor");
            case "GET /v1/tasks/{id}" -> Map.of("200", "task");
            case "DELETE /v1/tasks/{id}" -> Map.of("202", "canceling");
            case "POST /v1/tasks/{id}/rerun" -> Map.of("202", "rerunning");
            default -> Map.of();
        });
    }

    void apply(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (response.getContent() != null) {
                response.getContent().forEach((type, media) -> show(status, type, media));
            }
        });
    }

    private void show(String status, String type, MediaType media) {
        if (type.contains("json") && !type.equals(SchemaController.SCHEMA_JSON) && byStatus.containsKey(status)) {
            media.setExamples(Map.of(byStatus.get(status), OpenApiContract.example(byStatus.get(status))));
        } else if (type.equals("text/vnd.graphviz")) {
            media.setExamples(Map.of("graph", new Example().value(DOT)));
        } else if (type.equals("text/plain")) {
            media.setExamples(Map.of("log", new Example().value(LOG)));
        } else if (type.equals("text/event-stream")) {
            media.setExamples(Map.of("log", new Example().value("event: stdout\ndata: ip_address=10.0.0.7\n\n")));
        }
    }
}
