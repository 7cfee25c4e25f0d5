package org.gorchestrator.test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node KRaft broker in this JVM whose only client listener is {@code SASL_PLAINTEXT} with
 * {@code SCRAM-SHA-512}: what an operator runs in front of Gorchestrator, minus TLS. The users and
 * their passwords go into the storage's bootstrap records when it is formatted, as
 * {@code kafka-storage format --add-scram} does; the broker talks to itself as user {@code broker}.
 *
 * <pre>{@code try (ScramKafkaBroker broker = ScramKafkaBroker.start(dir, Map.of("gorch", "secret"))) { ... }}</pre>
 */
public final class ScramKafkaBroker implements AutoCloseable {
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final String HOST = "127.0.0.1";
    private static final String BROKER_USER = "broker";
    private static final String BROKER_PASSWORD = "broker-" + Uuid.randomUuid();

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private ScramKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code dir} with the SCRAM credentials of {@code users} (name to password) and starts the broker on it. */
    public static ScramKafkaBroker start(Path dir, Map<String, String> users) {
        return start(dir, users, false);
    }

    /**
     * @param authorize whether the broker authorizes every request (Kafka's {@code StandardAuthorizer}): then a user
     *                  may do only what ACLs allow it, which {@link #adminSettings()} can create
     */
    public static ScramKafkaBroker start(Path dir, Map<String, String> users, boolean authorize) {
        String logDir = dir.toAbsolutePath().toString();
        format(logDir, users);
        int port = LocalPorts.free();
        int controllerPort = LocalPorts.free();
        Map<String, String> config = config(logDir, port, controllerPort);
        if (authorize) {
            config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The broker itself, and on the plaintext controller listener (no client uses it) the controller's peers.
            config.put("super.users", "User:" + BROKER_USER + ";User:ANONYMOUS");
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        return new ScramKafkaBroker(server, HOST + ":" + port);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client settings ({@code spring.kafka.*} names) of user {@code name}. */
    public Map<String, String> springSettings(String name, String password) {
        return Map.of(
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "spring.kafka.security.protocol", "SASL_PLAINTEXT",
                "spring.kafka.properties.sasl.mechanism", MECHANISM,
                "spring.kafka.properties.sasl.jaas.config", jaas(name, password));
    }

    /** The client settings (Kafka names) of user {@code name}. */
    public Map<String, Object> clientSettings(String name, String password) {
        return Map.of(
                "bootstrap.servers", bootstrapServers,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas(name, password));
    }

    /** Client settings of the broker's own user, which may do anything: for creating ACLs. */
    public Map<String, Object> adminSettings() {
        return clientSettings(BROKER_USER, BROKER_PASSWORD);
    }

    public static String jaas(String name, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name + "\" password=\"" + password + "\";";
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Map<String, String> config(String logDir, int port, int controllerPort) {
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        config.put("listeners", "SASL_PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "SASL_PLAINTEXT://" + HOST + ":" + port);
        config.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        // Transaction markers go broker to broker, here from the broker to itself: it needs a user too.
        config.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        config.put("sasl.enabled.mechanisms", MECHANISM);
        config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        config.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas(BROKER_USER, BROKER_PASSWORD));
        config.put("log.dirs", logDir);
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return config;
    }

    private static void format(String logDir, Map<String, String> users) {
        List<String> scram = new ArrayList<>();
        scram.add(MECHANISM + "=[name=" + BROKER_USER + ",password=" + BROKER_PASSWORD + "]");
        users.forEach((name, password) -> scram.add(MECHANISM + "=[name=" + name + ",password=" + password + "]"));
        try {
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream())).setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString()).setControllerListenerName("CONTROLLER")
                    .setDirectories(List.of(logDir)).setMetadataLogDirectory(logDir).setScramArguments(scram).run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka storage in " + logDir, e);
        }
    }
}
