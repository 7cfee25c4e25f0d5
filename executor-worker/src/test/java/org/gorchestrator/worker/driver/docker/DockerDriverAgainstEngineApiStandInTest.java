package org.gorchestrator.worker.driver.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The docker driver against a stand-in for the Docker Engine API ({@link EngineStandIn}), because no
 * Docker engine runs on the machines these tests run on: the stand-in answers each call as the engine
 * would and records it, and the tests check the exact calls made. {@link DockerDriverAgainstRealEngineTest}
 * runs the same driver against a real engine where one answers.
 */
class DockerDriverAgainstEngineApiStandInTest {
    private static final List<String> RUN_CALLS = List.of(
            "POST /containers/create?name=NAME",
            "POST /containers/NAME/start",
            "POST /containers/NAME/wait",
            "GET /containers/NAME/logs?stdout=1&stderr=0",
            "GET /containers/NAME/logs?stdout=0&stderr=1",
            "DELETE /containers/NAME?force=1&v=1");

    private final EngineStandIn engine = newStandIn();

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void runsTheImageWithItsCommandAndTheLimitsAndNoMoreRights() {
        engine.stdout = "starting\nip=10.0.0.5\n::{\"outputs\": {\"port\": 8080}}::\n";
        engine.stderr = "a warning\n";

        DriverResult result = run(driver(DockerSettings.Pull.MISSING), node(List.of("sh", "-c", "echo $0", "it's \"quoted\"")), Duration.ofSeconds(10));

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.outputs()).isEqualTo(Map.of("ip", "10.0.0.5", "port", "8080"));
        assertThat(result.stdoutTail()).isEqualTo("starting\nip=10.0.0.5\n::{\"outputs\": {\"port\": 8080}}::");
        assertThat(result.stderrTail()).isEqualTo("a warning");
        assertThat(engine.calls()).isEqualTo(RUN_CALLS);

        JsonNode create = Json.mapper().readTree(engine.requests().get(0).body());
        assertThat(create.path("Image").asString()).isEqualTo("alpine:3.20");
        assertThat(create.path("Cmd").valueStream().map(JsonNode::asString).toList()).containsExactly("sh", "-c", "echo $0", "it's \"quoted\"");
        assertThat(create.path("Env").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("GORCH_WORKFLOW_ID=wf-docker", "GORCH_NODE_ID=2", "GORCH_NODE_NAME=n2", "GORCH_ATTEMPT=1");
        assertThat(create.path("Labels").path("org.gorchestrator.workflow-id").asString()).isEqualTo("wf-docker");
        assertThat(create.path("Tty").asBoolean(true)).isFalse();
        JsonNode host = create.path("HostConfig");
        assertThat(host.path("Memory").asLong()).isEqualTo(256L * 1024 * 1024);
        assertThat(host.path("MemorySwap").asLong()).isEqualTo(256L * 1024 * 1024);
        assertThat(host.path("NanoCpus").asLong()).isEqualTo(500_000_000L);
        assertThat(host.path("NetworkMode").asString()).isEqualTo("bridge");
        assertThat(host.path("Privileged").isBoolean()).isTrue();
        assertThat(host.path("Privileged").asBoolean()).isFalse();
        assertThat(host.path("AutoRemove").asBoolean(true)).isFalse();
        assertThat(host.path("SecurityOpt").valueStream().map(JsonNode::asString).toList()).containsExactly("no-new-privileges:true");
        assertThat(host.propertyStream().map(Map.Entry::getKey).toList()).doesNotContain("Binds", "Mounts", "CapAdd", "Devices", "PidMode", "IpcMode");
    }

    @Test
    void withoutArgsTheImageRunsItsOwnCommand() {
        run(driver(DockerSettings.Pull.MISSING), node(List.of()), Duration.ofSeconds(10));

        assertThat(Json.mapper().readTree(engine.requests().get(0).body()).has("Cmd")).isFalse();
    }

    @Test
    void aNonZeroExitFailsWithTheExitCodeAndTheContainerIsRemoved() {
        engine.exitCode = 3;
        engine.stderr = "disk full\n";

        DriverResult result = run(driver(DockerSettings.Pull.MISSING), node(List.of()), Duration.ofSeconds(10));

        assertThat(result.success()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("exit code 3");
        assertThat(result.stderrTail()).isEqualTo("disk full");
        assertThat(engine.calls()).isEqualTo(RUN_CALLS);
    }

    @Test
    void aTimeoutKillsTheContainerThenReadsItsLogsAndRemovesIt() {
        engine.runsUntilKilled = true;
        engine.stdout = "working\n";
        long start = System.nanoTime();

        DriverResult result = run(driver(DockerSettings.Pull.MISSING), node(List.of()), Duration.ofSeconds(1));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("timed out after 1s");
        assertThat(result.stdoutTail()).isEqualTo("working");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(engine.calls()).containsExactly(
                "POST /containers/create?name=NAME",
                "POST /containers/NAME/start",
                "POST /containers/NAME/wait",
                "POST /containers/NAME/kill",
                "GET /containers/NAME/logs?stdout=1&stderr=0",
                "GET /containers/NAME/logs?stdout=0&stderr=1",
                "DELETE /containers/NAME?force=1&v=1");
    }

    @Test
    void aCancelKillsTheContainerAndRemovesIt() throws Exception {
        engine.runsUntilKilled = true;
        RunContext context = RunContext.of("test-worker", Duration.ofSeconds(30), 1024);
        CompletableFuture<DriverResult> running = CompletableFuture.supplyAsync(() -> driver(DockerSettings.Pull.MISSING).run(node(List.of()), context));

        assertThat(engine.awaitWaiting()).isTrue();
        context.cancellation().cancel();
        DriverResult result = running.get(10, TimeUnit.SECONDS);

        assertThat(result.message()).isEqualTo("canceled");
        assertThat(result.timedOut()).isFalse();
        assertThat(engine.calls()).contains("POST /containers/NAME/kill").endsWith("DELETE /containers/NAME?force=1&v=1");
        assertThat(engine.calls().indexOf("POST /containers/NAME/kill")).isGreaterThan(engine.calls().indexOf("POST /containers/NAME/wait"));
    }

    @Test
    void aMissingImageIsPulledWithItsLatestTagThenTheContainerCreatedAgain() {
        engine.hasImage = false;

        DriverResult result = run(driver(DockerSettings.Pull.MISSING), command("wf-docker", 2, "docker", "alpine", List.of()), Duration.ofSeconds(10));

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(engine.calls().subList(0, 4)).containsExactly(
                "POST /containers/create?name=NAME",
                "POST /images/create?fromImage=alpine%3Alatest",
                "POST /containers/create?name=NAME",
                "POST /containers/NAME/start");
    }

    @Test
    void pullAlwaysPullsFirst() {
        run(driver(DockerSettings.Pull.ALWAYS), node(List.of()), Duration.ofSeconds(10));

        assertThat(engine.calls().get(0)).isEqualTo("POST /images/create?fromImage=alpine%3A3.20");
        assertThat(engine.calls().subList(1, engine.calls().size())).isEqualTo(RUN_CALLS);
    }

    @Test
    void pullNeverFailsOnAMissingImageAndStillRemoves() {
        engine.hasImage = false;

        DriverResult result = run(driver(DockerSettings.Pull.NEVER), node(List.of()), Duration.ofSeconds(10));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("docker on worker test-worker: the engine has no image alpine:3.20 (gorch.worker.docker.pull=NEVER)");
        assertThat(engine.calls()).containsExactly("POST /containers/create?name=NAME", "DELETE /containers/NAME?force=1&v=1");
    }

    @Test
    void anEngineErrorFailsTheNodeWithTheEnginesMessageAndTheContainerIsRemoved() {
        engine.startError = "OCI runtime create failed: executable file not found in $PATH";

        DriverResult result = run(driver(DockerSettings.Pull.MISSING), node(List.of("nosuchprogram")), Duration.ofSeconds(10));

        assertThat(result.success()).isFalse();
        assertThat(result.exitCode()).isNull();
        assertThat(result.message()).isEqualTo("docker on worker test-worker: cannot start the container: 500 "
                + "OCI runtime create failed: executable file not found in $PATH");
        assertThat(engine.calls()).containsExactly(
                "POST /containers/create?name=NAME", "POST /containers/NAME/start", "DELETE /containers/NAME?force=1&v=1");
    }

    @Test
    void anUnreachableEngineFailsTheNodeNamingIt() {
        DockerDriver driver = new DockerDriver(new DockerSettings("tcp://127.0.0.1:1", 256L * 1024 * 1024, 500_000_000L, "bridge",
                DockerSettings.Pull.MISSING));

        DriverResult result = run(driver, node(List.of()), Duration.ofSeconds(10));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("cannot reach the Docker Engine at tcp://127.0.0.1:1 from worker test-worker: ");
    }

    @Test
    void noImageFailsAtOnce() {
        DriverResult result = run(driver(DockerSettings.Pull.MISSING), command("wf-docker", 2, "docker", " ", List.of()), Duration.ofSeconds(10));

        assertThat(result.message()).isEqualTo("engine docker needs an artifact: the image to run");
        assertThat(engine.calls()).isEmpty();
    }

    private DockerDriver driver(DockerSettings.Pull pull) {
        return new DockerDriver(new DockerSettings(engine.host(), 256L * 1024 * 1024, 500_000_000L, "bridge", pull));
    }

    private static NodeCommand node(List<String> args) {
        return withOutputs(command("wf-docker", 2, "docker", "alpine:3.20", args), List.of("ip", "port"));
    }

    private static DriverResult run(DockerDriver driver, NodeCommand command, Duration limit) {
        return driver.run(command, RunContext.of("test-worker", limit, 1024));
    }

    private static EngineStandIn newStandIn() {
        try {
            return new EngineStandIn();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
