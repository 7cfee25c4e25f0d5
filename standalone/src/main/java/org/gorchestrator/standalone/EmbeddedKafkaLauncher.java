package org.gorchestrator.standalone;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the {@link EmbeddedKafka} broker while Spring Boot starts, unless {@code spring.kafka.bootstrap-servers}
 * is set, and points {@code spring.kafka.bootstrap-servers} at it. It starts once the configuration is read
 * and logging is set up, so both come from the usual places, and before any bean that could connect to it exists.
 */
final class EmbeddedKafkaLauncher
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, ApplicationContextInitializer<ConfigurableApplicationContext>,
        Ordered, AutoCloseable {
    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    private EmbeddedKafka kafka;

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (environment.containsProperty(BOOTSTRAP_SERVERS)) {
            return;
        }
        StandaloneProperties settings = StandaloneProperties.from(environment);
        kafka = EmbeddedKafka.start(settings.kafkaDir(), settings.kafkaPort());
        environment.getPropertySources().addLast(new MapPropertySource("embeddedKafka", Map.of(BOOTSTRAP_SERVERS, kafka.bootstrapServers())));
    }

    // Registered before any bean exists, the broker is the last thing the context destroys: after Spring has
    // stopped the Kafka Streams and listener containers and closed every producer, consumer and admin client.
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (kafka != null) {
            ((GenericApplicationContext) context).getDefaultListableBeanFactory().registerDisposableBean("embeddedKafka", kafka::close);
        }
    }

    /** Stops the broker if it runs; for when Spring fails before it has a context to stop it with. */
    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
