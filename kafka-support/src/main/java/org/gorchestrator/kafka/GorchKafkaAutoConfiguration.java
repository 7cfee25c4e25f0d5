package org.gorchestrator.kafka;

import java.time.Duration;
import java.util.Map;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.PropertySource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Shares the {@link Topics} of {@code gorch.kafka.*} with every service, creates missing topics at
 * start-up, and carries trace contexts across the records the services handle ({@link RecordTracing}).
 */
@AutoConfiguration
@EnableConfigurationProperties({TopicsProperties.class, StartTopicsProperties.class})
@PropertySource("classpath:gorch-defaults.properties")
public class GorchKafkaAutoConfiguration {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    /** Named {@code kafka}: the readiness group of every service includes it. */
    @Bean
    public KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        Map<String, Object> admin = kafka.buildAdminProperties();
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) HEALTH_TIMEOUT.toMillis());
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) HEALTH_TIMEOUT.toMillis());
        return new KafkaClusterHealthIndicator(admin, HEALTH_TIMEOUT);
    }

    @Bean
    public RecordTracing gorchRecordTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return RecordTracing.of(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    public Topics gorchTopics(TopicsProperties properties) {
        return properties.toTopics();
    }

    @Bean
    public TypedTopics gorchTypedTopics(Topics topics) {
        return TypedTopics.of(topics);
    }

    @Bean
    public KafkaAdmin.NewTopics gorchNewTopics(Topics topics, TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(topics.newTopics(properties.handOffRetention()).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    public StartTopics gorchStartTopics(StartTopicsProperties properties) {
        return properties.toStartTopics();
    }

    @Bean
    public KafkaAdmin.NewTopics gorchStartNewTopics(Topics topics, StartTopics start) {
        return new KafkaAdmin.NewTopics(start.newTopics(topics).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
