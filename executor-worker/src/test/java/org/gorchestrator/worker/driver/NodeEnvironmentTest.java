package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEnvironmentTest {
    @Test
    void theWorkersOwnConfigurationStaysOutOfTheNodesEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret",
                "GORCH_WORKER_ID", "w1", "GORCH_NODE_ID", "stale"));

        NodeEnvironment.apply(env, command("wf", 5, "shell", "true", List.of()));

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("GORCH_NODE_ID", "5")
                .doesNotContainKeys("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "GORCH_WORKER_ID");
    }
}
