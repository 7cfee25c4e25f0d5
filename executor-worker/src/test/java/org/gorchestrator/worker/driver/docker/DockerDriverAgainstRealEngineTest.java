package org.gorchestrator.worker.driver.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gorchestrator.worker.driver.Cancellation;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The docker driver against a real Docker Engine ({@code DOCKER_HOST}, else the default socket):
 * skipped where none answers, as on the machines these tests usually run on.
 */
class DockerDriverAgainstRealEngineTest {
    private static final String HOST = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");

    @BeforeEach
    void needsAnEngine() {
        Assumptions.assumeTrue(answers(HOST), "no Docker engine answers at " + HOST);
    }

    @Test
    void runsAContainerAndReadsItsOutputAndExitCode() {
        DockerDriver driver = new DockerDriver(new DockerSettings(HOST, 64L * 1024 * 1024, 500_000_000L, "none", DockerSettings.Pull.MISSING));

        DriverResult result = driver.run(withOutputs(command("wf-real", 1, "docker", "busybox:1.36",
                List.of("sh", "-c", "echo OUT=$GORCH_NODE_ID; echo oops >&2; exit 3")), List.of("OUT")),
                RunContext.of("test-worker", Duration.ofMinutes(2), 1024));

        assertThat(result.exitCode()).as(result.message()).isEqualTo(3);
        assertThat(result.outputs()).isEqualTo(Map.of("OUT", "1"));
        assertThat(result.stderrTail()).isEqualTo("oops");
    }

    private static boolean answers(String host) {
        try {
            EngineClient client = new EngineClient(DockerHost.parse(host));
            return Bounded.call(() -> {
                try (EngineResponse ping = client.send("GET", "/_ping", null)) {
                    return ping.status() == 200;
                }
            }, Duration.ofSeconds(2), new Cancellation(), "docker-ping");
        } catch (Exception e) {
            return false;
        }
    }
}
