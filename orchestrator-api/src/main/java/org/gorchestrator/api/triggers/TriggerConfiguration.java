package org.gorchestrator.api.triggers;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.gorchestrator.api.intake.Problems;
import org.gorchestrator.api.intake.RecordListeners;
import org.gorchestrator.api.tasks.TaskNotFoundException;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.tasks.UnconfirmedTaskException;
import org.gorchestrator.api.templates.DefinitionPublisher;
import org.gorchestrator.api.templates.DefinitionsTopology;
import org.gorchestrator.api.templates.NamedStore;
import org.gorchestrator.api.templates.TemplateService;
import org.gorchestrator.api.view.ViewStores;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.StartTopics;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TopicsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** Triggers: stored like templates and schedules, run by every API instance's member of one consumer group. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriggerProperties.class)
public class TriggerConfiguration {

    @Bean
    public TriggerService apiTriggerService(@Qualifier("apiViewStores") ViewStores stores, TemplateService templates,
                                            DefinitionPublisher publisher, StartTopics start, Topics topics,
                                            TopicsProperties topicSettings) {
        return new TriggerService(new NamedStore<Trigger>(stores, DefinitionsTopology.TRIGGER_STORE), templates, publisher,
                start.triggers(), systemTopics(topics, start, topicSettings), Clock.systemUTC());
    }

    /** Every topic the system creates but the public workflow events: a topic added to the system is included by itself. */
    private static Set<String> systemTopics(Topics topics, StartTopics start, TopicsProperties settings) {
        Set<String> own = Stream.concat(topics.newTopics(settings.handOffRetention()).stream(), start.newTopics(topics).stream())
                .map(NewTopic::name).collect(Collectors.toCollection(HashSet::new));
        own.remove(topics.workflowEvents());
        return own;
    }

    @Bean
    @ConditionalOnProperty(prefix = "gorch.api.triggers", name = "enabled", matchIfMissing = true)
    public TriggerRunner apiTriggerRunner(TriggerService triggers, TriggerProperties settings, KafkaProperties kafka, Topics topics,
                                          @Qualifier("apiTaskService") TaskService tasks, TemplateService templates, Problems problems,
                                          ObjectProvider<MeterRegistry> registry) {
        FollowedTriggers followed = new FollowedTriggers();
        TriggerListener listener = new TriggerListener(followed, templates, problems, (id, caller) -> {
            try {
                return Optional.<JsonNode>of(Json.mapper().valueToTree(tasks.get(id, caller)));
            } catch (TaskNotFoundException | UnconfirmedTaskException e) {
                return Optional.empty();
            }
        }, topics.workflowEvents(), registry.getIfAvailable(SimpleMeterRegistry::new));
        return new TriggerRunner(triggers, followed, wanted -> RecordListeners.container(kafka.buildConsumerProperties(), settings.groupId(),
                settings.instanceId(), settings.retryBackoff(), wanted, listener), settings.refresh());
    }
}
