package org.gorchestrator.standalone;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * {@code gorch.standalone.*}: where the standalone process keeps its data and the embedded broker's port.
 *
 * @param dataDir   holds the embedded broker's storage ({@code kafka/}) and the Kafka Streams state ({@code streams/})
 * @param kafkaPort the embedded broker's port on 127.0.0.1; 0 picks a free one
 * @param broker    broker settings ({@code server.properties} names) over the embedded broker's defaults
 */
@ConfigurationProperties(StandaloneProperties.PREFIX)
public record StandaloneProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("9092") int kafkaPort,
                                   Map<String, String> broker) {
    static final String PREFIX = "gorch.standalone";

    public StandaloneProperties {
        broker = broker == null ? Map.of() : Map.copyOf(broker);
    }

    /** Binds them before the context exists, for the broker that must run before the beans start. */
    static StandaloneProperties from(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, StandaloneProperties.class);
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }
}
