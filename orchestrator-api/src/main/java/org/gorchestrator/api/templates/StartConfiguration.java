package org.gorchestrator.api.templates;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.api.ApiAutoConfiguration;
import org.gorchestrator.api.commands.CommandPublisher;
import org.gorchestrator.api.config.ApiSettings;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.view.ViewStores;
import org.gorchestrator.kafka.StartTopics;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.schedule.Schedule;
import org.gorchestrator.template.Template;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.GraphValidator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The beans of templates and schedules in the API; their stores are part of the API's view (see {@link DefinitionsTopology}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StartProperties.class)
public class StartConfiguration {

    @Bean
    public DefinitionPublisher apiDefinitionPublisher(KafkaProperties kafka, ApiSettings config, Topics topics) {
        Map<String, Object> props = CommandPublisher.producerSettings(kafka.buildProducerProperties(), config.submitTimeout(),
                config.delivery().timeout());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "gorch-api-definitions-" + config.instanceId());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, topics.maxMessageBytes());
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer()));
        return new DefinitionPublisher(template, config.submitTimeout());
    }

    @Bean
    public TemplateService apiTemplateService(@Qualifier("apiViewStores") ViewStores stores, DefinitionPublisher publisher,
                                              StartTopics start, Topics topics, ApiSettings config, StartProperties limits,
                                              DocumentReader reader, @Qualifier("apiTaskService") TaskService tasks) {
        GraphValidator validator = new GraphValidator(ApiAutoConfiguration.documentLimits(config, topics).withPools(Set.copyOf(topics.pools())));
        return new TemplateService(new NamedStore<Template>(stores, DefinitionsTopology.TEMPLATE_STORE), publisher, start.templates(),
                validator, reader, tasks, limits.maxTemplateVersions(), config.readYourWritesWait(), Clock.systemUTC());
    }

    @Bean
    public ScheduleService apiScheduleService(@Qualifier("apiViewStores") ViewStores stores, TemplateService templates,
                                              DefinitionPublisher publisher, StartTopics start, StartProperties limits) {
        return new ScheduleService(new NamedStore<Schedule>(stores, DefinitionsTopology.SCHEDULE_STORE), templates, publisher,
                start.schedules(), limits, Clock.systemUTC());
    }
}
