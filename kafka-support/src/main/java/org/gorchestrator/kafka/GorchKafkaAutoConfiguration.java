package org.gorchestrator.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Shares the {@link Topics} of {@code gorch.kafka.*} with every service and creates missing topics at start-up. */
@AutoConfiguration
@EnableConfigurationProperties(TopicsProperties.class)
public class GorchKafkaAutoConfiguration {

    @Bean
    public Topics gorchTopics(TopicsProperties properties) {
        return properties.toTopics();
    }

    @Bean
    public KafkaAdmin.NewTopics gorchNewTopics(Topics topics) {
        return new KafkaAdmin.NewTopics(topics.newTopics().toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
