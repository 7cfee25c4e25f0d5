package org.gorchestrator.test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

    /**
     * Sends the records in one transaction, as the conductor does, then commits it or, with
     * {@code commit} false, aborts it: what a transaction the conductor aborted leaves on its topics.
     */
    public static <V> void sendInTransaction(boolean commit, Serializer<V> values, List<ProducerRecord<String, V>> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (ProducerRecord<String, V> record : records) {
                producer.send(record).get();
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send " + records, e);
        }
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
