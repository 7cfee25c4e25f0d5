package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEnvironmentTest {
    @Test
    void onlyPathHomeLangAndTheAllowedNamesPassFromTheWorkersEnvironment() {
        Map<String, String> worker = Map.of("PATH", "/usr/bin", "HOME", "/home/w", "LANG", "C.UTF-8", "TZ", "UTC",
                "AWS_SECRET_ACCESS_KEY", "secret", "KAFKA_SASL_PASSWORD", "secret", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret",
                "GORCH_WORKER_ID", "w1", "GORCH_NODE_ID", "stale");

        Map<String, String> env = NodeEnvironment.of(command("wf", 5, "shell", "true", List.of()), worker, List.of("TZ", "NOT_SET"));

        assertThat(env).containsOnlyKeys("PATH", "HOME", "LANG", "TZ", "GORCH_WORKFLOW_ID", "GORCH_NODE_ID", "GORCH_NODE_NAME", "GORCH_ATTEMPT")
                .containsEntry("PATH", "/usr/bin").containsEntry("TZ", "UTC").containsEntry("GORCH_NODE_ID", "5");
    }
}
