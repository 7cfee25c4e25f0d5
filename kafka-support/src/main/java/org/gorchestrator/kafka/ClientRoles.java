package org.gorchestrator.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings each role needs, over the settings a service was given
 * ({@code spring.kafka.*}). Every service builds its clients' settings through these, so that what
 * a role guarantees is decided here once; a service adds only its own tuning.
 */
public final class ClientRoles {
    /**
     * The isolation level of every reader of the conductor's output: the conductor writes in
     * transactions, and a record of one it aborted never happened.
     */
    public static final String READ_COMMITTED = "read_committed";

    private ClientRoles() {}

    /**
     * A consumer that reads committed records only and commits its offsets itself, once it has
     * handled them. Both are forced, not defaults: Spring Boot's consumer properties always carry
     * an isolation level (read_uncommitted).
     */
    public static Map<String, Object> committedReader(Map<String, Object> base) {
        Map<String, Object> settings = new HashMap<>(base);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, READ_COMMITTED);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return settings;
    }

    /** A producer whose every record is written once and acknowledged by every in-sync replica. */
    public static Map<String, Object> idempotentProducer(Map<String, Object> base) {
        Map<String, Object> settings = new HashMap<>(base);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return settings;
    }
}
