package org.gorchestrator.test;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests, one per JVM: a Testcontainers Kafka when a Docker engine answers,
 * otherwise spring-kafka-test's in-JVM KRaft broker (these build machines have no Docker engine).
 * Sets {@code spring.kafka.bootstrap-servers} so Spring Boot tests connect to it.
 *
 * <pre>{@code @ExtendWith(KafkaBroker.class) class MyTest { ... KafkaBroker.bootstrapServers() ... }}</pre>
 */
public final class KafkaBroker implements BeforeAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String IMAGE = "apache/kafka-native:4.1.0";
    private static volatile String bootstrapServers;

    @Override
    public void beforeAll(ExtensionContext context) {
        bootstrapServers();
    }

    /** Starts the broker on first use and returns its address. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = dockerAnswers() ? startContainer() : startInJvm();
            System.setProperty("spring.kafka.bootstrap-servers", bootstrapServers);
        }
        return bootstrapServers;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static String startContainer() {
        KafkaContainer kafka = new KafkaContainer(IMAGE);
        kafka.start();
        LOG.info("Kafka broker: Testcontainers {} at {}", IMAGE, kafka.getBootstrapServers());
        return kafka.getBootstrapServers();
    }

    private static String startInJvm() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false",
                "message.max.bytes", String.valueOf(16 * 1024 * 1024)));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
        LOG.info("Kafka broker: no Docker engine answers, using the in-JVM KRaft broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }
}
