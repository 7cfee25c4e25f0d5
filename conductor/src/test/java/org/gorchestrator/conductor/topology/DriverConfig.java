package org.gorchestrator.conductor.topology;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The settings of a {@code TopologyTestDriver} for the conductor's topology: no broker, a state directory of the test's own. */
public final class DriverConfig {
    private DriverConfig() {}

    /** Exactly-once, as the conductor runs: a failed input aborts what it wrote. */
    public static Properties exactlyOnce(String applicationId, Path stateDir) {
        Properties config = atLeastOnce(applicationId, stateDir);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return config;
    }

    /** Streams' default guarantee, for tests that do not depend on it. */
    public static Properties atLeastOnce(String applicationId, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // a directory of its own: /tmp/kafka-streams may be in use by another build on this machine
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return config;
    }
}
