package org.gorchestrator.api.submissions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.gorchestrator.api.http.ProblemHandler;
import org.gorchestrator.api.intake.Problems;
import org.gorchestrator.api.intake.RecordListeners;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.templates.DefinitionPublisher;
import org.gorchestrator.api.templates.TemplateService;
import org.gorchestrator.kafka.StartTopics;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.validation.DocumentReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Kafka-native submission: the API instances' consumer group on {@code gorch.submissions}, started and stopped with the context. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubmissionProperties.class)
public class SubmissionConfiguration {

    @Bean
    public Problems apiProblems(ProblemHandler handler) {
        return new Problems(handler);
    }

    @Bean
    @ConditionalOnProperty(prefix = "gorch.api.submissions", name = "enabled", matchIfMissing = true)
    public ConcurrentMessageListenerContainer<String, byte[]> apiSubmissionListener(
            KafkaProperties kafka, SubmissionProperties settings, StartTopics start, Topics topics,
            @Qualifier("apiTaskService") TaskService tasks, TemplateService templates, DocumentReader reader, Problems problems,
            DefinitionPublisher publisher, ObjectProvider<MeterRegistry> registry) {
        SubmissionListener listener = new SubmissionListener(tasks, templates, reader, problems, publisher, topics.workflowEvents(),
                registry.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
        var container = RecordListeners.container(kafka.buildConsumerProperties(), settings.groupId(), settings.instanceId(),
                settings.retryBackoff(),
                List.of(start.submissions()), listener);
        container.setConcurrency(settings.concurrency());
        return container;
    }
}
