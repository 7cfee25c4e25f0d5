package org.gorchestrator.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka server (KRaft, combined broker and controller) running in this JVM.
 * Its storage lives in one directory and is formatted only the first time, so a restart on the
 * same directory keeps the cluster id, every topic and every record.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Set<String> OWN_SETTINGS = ownSettings("", 0, 0).keySet();

    private final KafkaRaftServer server;
    private final StorageLock storage;
    private final String bootstrapServers;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, StorageLock storage, String bootstrapServers, String clusterId) {
        this.server = server;
        this.storage = storage;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
    }

    /**
     * Starts the server on {@code 127.0.0.1:port} (0 picks a free port) with its data in {@code storageDir},
     * and returns once the broker accepts clients.
     *
     * @param settings broker settings ({@code server.properties} names) over this class's defaults
     * @throws IllegalArgumentException for a setting this class must own: the roles, node id, listeners and log dirs
     * @throws IllegalStateException    when another embedded broker runs on {@code storageDir}, or this one failed to start
     */
    public static EmbeddedKafka start(Path storageDir, int port, Map<String, String> settings) {
        settings.keySet().stream().filter(OWN_SETTINGS::contains).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("the embedded broker sets " + name + " itself: it cannot be overridden");
        });
        Path storage = createDirectories(storageDir.toAbsolutePath().normalize());
        StorageLock lock = StorageLock.take(storage);
        try {
            return start(storage.toString(), lock, port, settings);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedKafka start(String logDir, StorageLock lock, int port, Map<String, String> settings) {
        String clusterId = formatOnce(logDir);
        int brokerPort = port == 0 ? freePort() : port;
        // The controller's address lives only in the configuration (a static quorum), so any free port will do.
        Map<String, String> serverConfig = new HashMap<>(defaults());
        serverConfig.putAll(settings);
        serverConfig.putAll(ownSettings(logDir, brokerPort, freePort()));
        KafkaConfig config = new KafkaConfig(serverConfig);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrapServers = bootstrapServers(brokerPort);
        try {
            server.startup();
        } catch (RuntimeException e) {
            // A half-started server keeps threads that would stop the JVM from exiting.
            stop(server);
            throw new IllegalStateException("The embedded Kafka broker failed to start on " + bootstrapServers + " with data in " + logDir, e);
        }
        LOG.info("Embedded Kafka broker listening on {}, cluster id {}, data in {}", bootstrapServers, clusterId, logDir);
        return new EmbeddedKafka(server, lock, bootstrapServers, clusterId);
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What {@link #bootstrapServers()} will be for a server started on {@code port} (not 0). */
    static String bootstrapServers(int port) {
        return HOST + ":" + port;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Stops the server and waits until it has stopped. Does nothing the second time. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping the embedded Kafka broker");
        stop(server);
        storage.close();
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Map<String, String> ownSettings(String logDir, int brokerPort, int controllerPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir));
    }

    private static Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Kafka's 50 partitions each for the offsets and the transactions are made at the first start, before
                // the first group or transaction can begin: a second of a cold start on two cores, for one broker's load.
                Map.entry("offsets.topic.num.partitions", "4"),
                Map.entry("transaction.state.log.num.partitions", "4"),
                Map.entry("message.max.bytes", String.valueOf(16 * 1024 * 1024)),
                Map.entry("auto.create.topics.enable", "false"),
                // The log cleaner (compacted topics) holds this much heap from the start; the default is 128 MB.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)));
    }

    /** Returns the storage's cluster id, formatting the storage with a new one if it has none. */
    private static String formatOnce(String logDir) {
        String existing = existingClusterId(logDir);
        if (existing != null) {
            return existing;
        }
        String clusterId = Uuid.randomUuid().toString();
        LOG.info("Formatting new Kafka storage in {} with cluster id {}", logDir, clusterId);
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .addDirectory(logDir)
                    .setMetadataLogDirectory(logDir)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka storage in " + logDir, e);
        }
        return clusterId;
    }

    private static String existingClusterId(String logDir) {
        try {
            return new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(logDir)).load().clusterId().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka storage in " + logDir, e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** A port on 127.0.0.1 free now. Another process may take it before the server binds it; acceptable for tests and the controller. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
