package org.gorchestrator.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Kafka broker of the cluster in a process of its own: KRaft, broker and controller combined
 * (every broker is a controller voter), storage formatted once by Kafka's {@code StorageTool}. Its
 * ports stay the same across restarts, so clients find it again where they left it.
 */
final class Broker implements AutoCloseable {
    private static final String HEAP = "384m";

    private final int nodeId;
    private final Endpoint endpoint;
    private final Path dir;
    private final ManagedProcess process;

    /** Where a broker listens: the host, its client port and its controller port. */
    record Endpoint(String host, int port, int controllerPort) {
        String bootstrap() {
            return host + ":" + port;
        }
    }

    private Broker(int nodeId, Endpoint endpoint, Path dir, List<String> launchPrefix) {
        this.nodeId = nodeId;
        this.endpoint = endpoint;
        this.dir = dir;
        List<String> command = new ArrayList<>(launchPrefix);
        command.addAll(PackagedJar.main(HEAP, logback(), "kafka.Kafka", List.of(dir.resolve("server.properties").toString())));
        this.process = new ManagedProcess("broker-" + nodeId, command, dir.resolve("broker.log"));
    }

    /**
     * Writes the configuration of broker {@code nodeId} of a cluster whose brokers listen at {@code endpoints}
     * (node ids 1..n in order) and formats its storage.
     *
     * @param launchPrefix what the java command runs under, e.g. {@code ip netns exec ns}; empty for none
     */
    static Broker create(int nodeId, List<Endpoint> endpoints, String clusterId, Path dir, List<String> launchPrefix) {
        Broker broker = new Broker(nodeId, endpoints.get(nodeId - 1), dir, launchPrefix);
        broker.writeConfig(endpoints);
        broker.format(clusterId, launchPrefix);
        return broker;
    }

    int nodeId() {
        return nodeId;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    ManagedProcess process() {
        return process;
    }

    void start() {
        process.start();
    }

    /** Waits until the broker accepts connections on its client port. */
    void awaitListening(Duration atMost) {
        await("broker " + nodeId + " listening").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> process.alive() && connects());
    }

    private boolean connects() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void writeConfig(List<Endpoint> endpoints) {
        int replicas = Math.min(3, endpoints.size());
        int minIsr = Math.max(1, replicas - 1);
        String voters = endpoints.stream()
                .map(e -> (endpoints.indexOf(e) + 1) + "@" + e.host() + ":" + e.controllerPort())
                .collect(Collectors.joining(","));
        Map<String, String> config = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(nodeId)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("listeners", "PLAINTEXT://" + endpoint.bootstrap() + ",CONTROLLER://" + endpoint.host() + ":" + endpoint.controllerPort()),
                Map.entry("advertised.listeners", "PLAINTEXT://" + endpoint.bootstrap()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", dir.resolve("data").toString()),
                Map.entry("default.replication.factor", String.valueOf(replicas)),
                Map.entry("min.insync.replicas", String.valueOf(minIsr)),
                Map.entry("offsets.topic.replication.factor", String.valueOf(replicas)),
                Map.entry("transaction.state.log.replication.factor", String.valueOf(replicas)),
                Map.entry("transaction.state.log.min.isr", String.valueOf(minIsr)),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("message.max.bytes", String.valueOf(16 * 1024 * 1024)),
                Map.entry("replica.fetch.max.bytes", String.valueOf(16 * 1024 * 1024)),
                // The log cleaner holds this much heap from the start; Kafka's default (128 MB) would not fit the heap.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)));
        String text = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.properties"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void format(String clusterId, List<String> launchPrefix) {
        List<String> command = new ArrayList<>(launchPrefix);
        command.addAll(PackagedJar.main("128m", logback(), "kafka.tools.StorageTool",
                List.of("format", "--cluster-id", clusterId, "--config", dir.resolve("server.properties").toString())));
        ManagedProcess formatter = new ManagedProcess("format-" + nodeId, command, dir.resolve("format.log"));
        formatter.start();
        await("storage of broker " + nodeId + " formatted").atMost(Duration.ofMinutes(2)).until(() -> !formatter.alive());
        if (!Files.isRegularFile(dir.resolve("data/meta.properties"))) {
            throw new IllegalStateException("StorageTool did not format " + dir + ", see " + formatter.log());
        }
    }

    private static Path logback() {
        try {
            return Path.of(Broker.class.getResource("/broker-logback.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
