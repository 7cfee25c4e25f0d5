package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.EventLists.ended;
import static org.gorchestrator.worker.testkit.EventLists.ofNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.policy.ExecutionPolicy;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.NilDriver;
import org.gorchestrator.worker.driver.shell.ShellDriver;
import org.gorchestrator.worker.testkit.Workers;
import org.gorchestrator.worker.testkit.WorkersOnFreshTopics;
import org.junit.jupiter.api.Test;

/** Anyone who can write to the command topic skips the API: the worker's own policy still holds. */
class PolicyOverKafkaTest extends WorkersOnFreshTopics {
    PolicyOverKafkaTest() {
        super(1);
    }

    @Test
    void aForbiddenProgramWrittenStraightToTheCommandTopicFailsWithoutRunning() {
        ExecutionPolicy onlyEcho = new ExecutionPolicy(List.of("shell"), new ExecutionPolicy.Shell(List.of("echo"), null), null, null,
                Path.of("").toAbsolutePath());
        DriverRegistry drivers = new DriverRegistry(List.of(new NilDriver(), new ShellDriver(Duration.ofMillis(500), Path.of(""))), onlyEcho);
        kafka.send(command("wf-direct", 0, "shell", "sh", List.of("-c", "id -un")), command("wf-direct", 1, "shell", "echo", List.of("ok")));
        workers.start(Workers.config("w-strict", "workers-" + UUID.randomUUID(), 2), drivers);

        List<NodeEvent> events = kafka.awaitEvents(seen -> ended(seen).size() == 2);

        NodeEvent refused = last(events, 0);
        assertThat(refused).isInstanceOfSatisfying(NodeEvent.Failed.class, failed -> {
            assertThat(failed.exitCode()).as("never started").isNull();
            assertThat(failed.message()).startsWith(
                    "refused by the execution policy of worker w-strict: node 0 (n0) breaks execution policy rule shell.programs:");
        });
        assertThat(last(events, 1)).isInstanceOf(NodeEvent.Succeeded.class);
    }

    private static NodeEvent last(List<NodeEvent> events, int nodeId) {
        List<NodeEvent> ofNode = ofNode(events, "wf-direct", nodeId);
        return ofNode.get(ofNode.size() - 1);
    }
}
