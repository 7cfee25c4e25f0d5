package org.gorchestrator.standalone;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * {@code gorch.standalone.*}: where the standalone process keeps its data and the embedded broker's port.
 *
 * @param dataDir   holds the embedded broker's storage ({@code kafka/}) and the Kafka Streams state ({@code streams/})
 * @param kafkaPort the embedded broker's port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties(StandaloneProperties.PREFIX)
public record StandaloneProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("9092") int kafkaPort) {
    static final String PREFIX = "gorch.standalone";

    /** Binds them before the context exists, for the broker that must run before the beans start. */
    static StandaloneProperties from(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, StandaloneProperties.class);
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }
}
