package org.gorchestrator.worker.driver.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.model.ArgReference;
import org.gorchestrator.model.Node;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.test.TestSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's own example.json: its toscassh nodes (a, d, then c with d's ip_address) run against a
 * local SSH server, with the hosts file and scripts of {@code src/test/resources/seed-ssh}.
 */
@EnabledOnOs(OS.LINUX)
class SeedExampleOverSshTest {
    @TempDir
    Path tmp;

    @Test
    void runsEveryToscasshNodeOfTheSeedExample() throws Exception {
        Path home = TestSshServer.seedHome(tmp.resolve("home"));
        try (TestSshServer server = TestSshServer.start(home); SshConnector connector = new SshConnector(tmp.resolve("known_hosts"))) {
            Files.writeString(tmp.resolve("known_hosts"), server.knownHostsLine());
            server.writeSeedHostsFile(tmp);
            SshDriver driver = SshDriver.toscassh(connector, new SshSettings(tmp.resolve("sshConfig.yaml"), Duration.ofSeconds(5), Duration.ofMillis(500)));

            Map<String, Map<String, String>> outputs = runInOrder(driver, toscasshNodes());

            assertThat(outputs.keySet()).containsExactlyInAnyOrder("a", "c", "d");
            assertThat(outputs.get("d")).isEqualTo(Map.of("network", "private", "ip_address", "10.0.0.10"));
            assertThat(outputs.get("c")).isEqualTo(Map.of("my_ip", "10.0.0.10"));
        }
    }

    private static List<Node> toscasshNodes() {
        List<Node> nodes = Graphs.seedExample().nodes().stream().filter(n -> n.engine().equals("toscassh")).toList();
        assertThat(nodes).extracting(Node::name).containsExactlyInAnyOrder("a", "c", "d");
        return nodes;
    }

    /** Runs each node once the outputs its args refer to are there, as the conductor would. @return outputs by node name */
    private static Map<String, Map<String, String>> runInOrder(SshDriver driver, List<Node> nodes) {
        Map<String, Map<String, String>> outputs = new HashMap<>();
        List<Node> pending = new ArrayList<>(nodes);
        while (!pending.isEmpty()) {
            Node next = pending.stream().filter(n -> resolvedArgs(n, outputs) != null).findFirst().orElseThrow(
                    () -> new AssertionError("no node can run: " + pending));
            DriverResult result = driver.run(command(next, resolvedArgs(next, outputs)), RunContext.of("test-worker", Duration.ofSeconds(20), 64 * 1024));
            assertThat(result.success()).as(next.name() + ": " + result.message() + "\n" + result.stderrTail()).isTrue();
            outputs.put(next.name(), result.outputs());
            pending.remove(next);
        }
        return outputs;
    }

    /** The node's args with their get_attribute references resolved, or null while an output they need is missing. */
    private static List<String> resolvedArgs(Node node, Map<String, Map<String, String>> outputs) {
        List<String> args = new ArrayList<>();
        for (String arg : node.args()) {
            try {
                args.add(ArgReference.resolve(arg, outputs));
            } catch (ArgReference.MissingOutputException e) {
                return null;
            }
        }
        return args;
    }

    private static NodeCommand command(Node node, List<String> args) {
        return new NodeCommand("wf-seed", node.id(), 1, node.name(), node.engine(), node.artifact(), args, node.target(),
                List.copyOf(node.output().keySet()), null, Instant.now());
    }

}
