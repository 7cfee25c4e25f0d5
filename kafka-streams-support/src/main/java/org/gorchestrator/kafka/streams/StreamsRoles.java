package org.gorchestrator.kafka.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.gorchestrator.kafka.ClientRoles;

/**
 * The base settings of each kind of Kafka Streams application, over the settings a service was
 * given ({@code spring.kafka.streams.*}); the application adds its own tuning.
 */
public final class StreamsRoles {

    private StreamsRoles() {}

    /**
     * An application whose reads, state and writes commit together (the conductor): its consumers
     * read committed records only and its producers write in transactions.
     */
    public static Map<String, Object> exactlyOnce(Map<String, Object> base, String applicationId) {
        Map<String, Object> settings = application(base, applicationId);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return settings;
    }

    /**
     * An application that only reads the conductor's output into local state (the API's view):
     * at-least-once, reading committed records only (a record of a transaction the conductor
     * aborted never happened).
     */
    public static Map<String, Object> committedReader(Map<String, Object> base, String applicationId) {
        Map<String, Object> settings = application(base, applicationId);
        settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), ClientRoles.READ_COMMITTED);
        return settings;
    }

    /**
     * Every application's stores write as {@link StoreSettings} says (compressed like its records, large memtables, leveled),
     * unless it names its own setter; the settings that class reads are checked here, before any store opens.
     */
    private static Map<String, Object> application(Map<String, Object> base, String applicationId) {
        Map<String, Object> settings = new HashMap<>(base);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreSettings.class);
        if (settings.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG) == StoreSettings.class) {
            StoreSettings.check(settings);
        }
        return settings;
    }
}
