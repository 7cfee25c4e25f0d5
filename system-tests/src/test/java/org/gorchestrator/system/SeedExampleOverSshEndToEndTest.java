package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.gorchestrator.test.TestSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's own example.json, byte for byte, through API, conductor and worker: its toscassh nodes
 * run over a real SSH server on localhost (hosts file maps its target {@code test} there), its sleep
 * nodes on the worker, and d's ip_address reaches c.
 */
@ExtendWith(KafkaBroker.class)
class SeedExampleOverSshEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void seedExampleRunsUnchanged() throws Exception {
        try (TestSshServer server = TestSshServer.start(TestSshServer.seedHome(dir.resolve("home")))) {
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine());
            Path hosts = server.writeSeedHostsFile(dir);
            try (Gorch gorch = new Gorch(dir.resolve("data"), "gorch.worker.ssh.hosts-file=" + hosts,
                    "gorch.worker.ssh.known-hosts=" + knownHosts).all("seed-worker")) {

                Graph done = gorch.awaitFinished(gorch.submit(Graphs.seedExampleJson()), Duration.ofSeconds(90));

                assertThat(done.state()).as("graph %s", done).isEqualTo(State.SUCCESS);
                Map<String, Node> nodes = done.nodes().stream().collect(Collectors.toMap(Node::name, Function.identity()));
                assertThat(nodes.get("d").output()).containsEntry("ip_address", "10.0.0.10");
                assertThat(nodes.get("c").output()).containsEntry("my_ip", "10.0.0.10");
                assertThat(nodes.get("a").engine()).isEqualTo("toscassh");
            }
        }
    }
}
