package org.gorchestrator.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.gorchestrator.api.admission.Admission;
import org.gorchestrator.api.admission.BacklogAdmission;
import org.gorchestrator.api.admission.BacklogMonitor;
import org.gorchestrator.api.admission.BacklogTopic;
import org.gorchestrator.api.admission.KafkaLagSource;
import org.gorchestrator.api.commands.CommandPublisher;
import org.gorchestrator.api.config.AdmissionSettings;
import org.gorchestrator.api.config.ApiSettings;
import org.gorchestrator.api.config.ApiProperties;
import org.gorchestrator.api.events.EventProperties;
import org.gorchestrator.api.events.LiveEvents;
import org.gorchestrator.api.events.WorkflowEventService;
import org.gorchestrator.api.policy.PoolPolicyCheck;
import org.gorchestrator.api.policy.PoolPolicyProperties;
import org.gorchestrator.api.http.BodyReader;
import org.gorchestrator.api.http.EventController;
import org.gorchestrator.api.http.GraphController;
import org.gorchestrator.api.http.NodeLogController;
import org.gorchestrator.api.http.ProblemHandler;
import org.gorchestrator.api.http.ReleaseOnShutdown;
import org.gorchestrator.api.contract.DocumentSchema;
import org.gorchestrator.api.contract.OpenApiContract;
import org.gorchestrator.api.contract.SchemaController;
import org.gorchestrator.api.http.TaskController;
import org.gorchestrator.api.http.TemplateController;
import org.gorchestrator.api.http.ScheduleController;
import org.gorchestrator.api.templates.DefinitionsTopology;
import org.gorchestrator.api.templates.StartConfiguration;
import org.gorchestrator.kafka.StartTopics;
import org.springframework.kafka.config.CompositeKafkaStreamsInfrastructureCustomizer;
import org.gorchestrator.api.http.UnknownParameters;
import org.gorchestrator.api.logs.LiveLogs;
import org.gorchestrator.api.logs.NodeLogService;
import org.gorchestrator.api.tasks.IdempotentSubmissions;
import org.gorchestrator.api.tasks.RecentSubmissions;
import org.gorchestrator.api.tasks.SubmissionSender;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.tasks.WaitingReads;
import org.gorchestrator.api.tasks.WorkflowIds;
import org.gorchestrator.api.view.FinishWaiters;
import org.gorchestrator.api.view.TaskChanges;
import org.gorchestrator.api.view.ViewHealthIndicator;
import org.gorchestrator.api.view.ViewNames;
import org.gorchestrator.api.view.ViewStores;
import org.gorchestrator.api.view.ViewTopology;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.GorchKafkaAutoConfiguration;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TopicsProperties;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.kafka.streams.StreamsRoles;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.GraphValidator;
import org.gorchestrator.validation.Limits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.CleanupConfig;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** The HTTP API's beans: the task endpoints, the command producer and the read view built from Kafka. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, GorchKafkaAutoConfiguration.class})
@ConditionalOnProperty(prefix = "gorch.api", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ApiProperties.class, EventProperties.class, PoolPolicyProperties.class})
@PropertySource("classpath:gorch-api-defaults.properties")
@Import({TaskController.class, NodeLogController.class, GraphController.class, EventController.class, ProblemHandler.class,
    SchemaController.class, TemplateController.class, ScheduleController.class, StartConfiguration.class,
    org.gorchestrator.api.submissions.SubmissionConfiguration.class, org.gorchestrator.api.http.TriggerController.class,
    org.gorchestrator.api.triggers.TriggerConfiguration.class})
public class ApiAutoConfiguration {

    /**
     * The HTTP answers are written by Spring's own mapper: it gets the modules of the one every other part uses, so that
     * a task's document (an instant or two per node) is written as fast as the conductor writes it.
     */
    @Bean
    public JsonMapperBuilderCustomizer gorchJsonModules() {
        return builder -> builder.addModules(Json.modules());
    }

    @Bean
    public ApiSettings apiConfig(ApiProperties properties) {
        return properties.toConfig();
    }

    @Bean
    public ViewNames apiViewNames(Topics topics, ApiSettings config) {
        return ViewNames.of(topics, config.instanceId());
    }

    @Bean
    public ProducerFactory<String, byte[]> apiProducerFactory(KafkaProperties kafka, ApiSettings config, TypedTopics topics) {
        Map<String, Object> props = CommandPublisher.producerSettings(kafka.buildProducerProperties(), config.submitTimeout(),
                config.delivery().timeout());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "gorch-api-" + config.instanceId());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, topics.topics().maxMessageBytes());
        // The publisher writes the commands' JSON itself, so that a large one can go in parts.
        return new DefaultKafkaProducerFactory<>(props, topics.workflowCommands().keySerializer(), new ByteArraySerializer());
    }

    @Bean
    public KafkaTemplate<String, byte[]> apiCommandTemplate(@Qualifier("apiProducerFactory") ProducerFactory<String, byte[]> factory) {
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
        // Each command carries the trace of the HTTP request that sent it (traceparent header) to the conductor.
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    public CommandPublisher apiCommandPublisher(@Qualifier("apiCommandTemplate") KafkaTemplate<String, byte[]> template,
                                                TypedTopics topics, TopicsProperties topicsProperties, ApiSettings config) {
        return new CommandPublisher(template, topics.workflowCommands().name(), config.submitTimeout(),
                CommandPublisher.partBytesFor(topics.topics().maxMessageBytes()), topicsProperties.maxCommandSize().toBytes());
    }

    @Bean
    @ConditionalOnProperty(prefix = "gorch.api.admission", name = "enabled", matchIfMissing = true)
    public BacklogMonitor apiBacklogMonitor(KafkaProperties kafka, ApiSettings config, Topics topics, ObjectProvider<MeterRegistry> registry) {
        AdmissionSettings settings = config.admission();
        Map<String, Object> props = kafka.buildAdminProperties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "gorch-api-backlog-" + config.instanceId());
        // A read slower than this would be stale when it came.
        int timeoutMillis = (int) settings.staleAfter().toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        List<BacklogTopic> watched = BacklogTopic.watched(topics, settings);
        return new BacklogMonitor(new KafkaLagSource(Admin.create(props), watched, settings.staleAfter()), watched,
                settings.pollInterval(), Clock.systemUTC(), meters(registry)).start();
    }

    @Bean
    public Admission apiAdmission(ApiSettings config, Topics topics, ObjectProvider<BacklogMonitor> monitor,
                                  ObjectProvider<MeterRegistry> registry) {
        BacklogMonitor backlog = monitor.getIfAvailable();
        return backlog == null ? Admission.OPEN
                : new BacklogAdmission(backlog::latest, config.admission(), topics, Clock.systemUTC(), meters(registry));
    }

    @Bean
    public LiveLogs apiLiveLogs() {
        return new LiveLogs();
    }

    @Bean
    public LiveEvents apiLiveEvents() {
        return new LiveEvents();
    }

    @Bean
    public TaskChanges apiTaskChanges() {
        return new TaskChanges();
    }

    @Bean
    public FinishWaiters apiFinishWaiters(ApiSettings config) {
        return new FinishWaiters(config.maxWaitingReads());
    }

    @Bean
    public StreamsBuilderFactoryBean apiViewStreams(KafkaProperties kafka, ApiSettings config, ViewNames names,
                                                    @Qualifier("apiLiveLogs") LiveLogs live,
                                                    @Qualifier("apiLiveEvents") LiveEvents events,
                                                    @Qualifier("apiFinishWaiters") FinishWaiters waiters,
                                                    @Qualifier("apiTaskChanges") TaskChanges changes, StartTopics start) {
        Map<String, Object> props = StreamsRoles.committedReader(kafka.buildStreamsProperties(), names.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        // One unreadable record must not stop every read of the API.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(props), new CleanupConfig(false, false));
        // templates and schedules are read into the same view, beside the workflows
        factory.setInfrastructureCustomizer(new CompositeKafkaStreamsInfrastructureCustomizer(
                new ViewTopology(names, live, events, waiters, changes), new DefinitionsTopology(start)));
        return factory;
    }

    @Bean
    public ViewStores apiViewStores(@Qualifier("apiViewStreams") StreamsBuilderFactoryBean streams) {
        return new ViewStores(streams);
    }

    /** Named {@code apiView}: the readiness group includes it. */
    @Bean
    public ViewHealthIndicator apiViewHealthIndicator(@Qualifier("apiViewStores") ViewStores stores, ViewNames names) {
        return new ViewHealthIndicator(stores, names);
    }

    @Bean
    public WorkflowView apiWorkflowView(@Qualifier("apiViewStores") ViewStores stores, ViewNames names) {
        return new WorkflowView(stores, names);
    }

    @Bean
    public TaskService apiTaskService(ApiSettings config, Topics topics, @Qualifier("apiCommandPublisher") CommandPublisher publisher,
                                      @Qualifier("apiWorkflowView") WorkflowView view, @Qualifier("apiAdmission") Admission admission,
                                      PoolPolicyProperties policies) {
        Clock clock = Clock.systemUTC();
        // The worker pools a node may name are the ones whose topics exist: gorch.kafka.pools.
        GraphValidator validator = new GraphValidator(documentLimits(config, topics).withPools(Set.copyOf(topics.pools())),
                List.of(new PoolPolicyCheck(policies.poolPolicies())));
        SubmissionSender sender = new SubmissionSender(admission, publisher, config.delivery(), clock);
        return new TaskService(validator, new WorkflowIds(clock), publisher, sender, view,
                new RecentSubmissions(config.recentSubmissionsMaxBytes(), config.recentSubmissionsTtl(), clock),
                new IdempotentSubmissions(sender, view, config.idempotencyWait()),
                config.readYourWritesWait(), clock);
    }

    /** The limits of a document, whose state must fit in a record of the state topic. */
    public static Limits documentLimits(ApiSettings config, Topics topics) {
        Limits limits = config.limits();
        if (limits.maxDocumentBytes() >= topics.maxMessageBytes()) {
            throw new IllegalStateException("gorch.api.limits.max-document-size (" + limits.maxDocumentBytes()
                    + " bytes) must be below gorch.kafka.max-message-size (" + topics.maxMessageBytes()
                    + " bytes): a workflow's state, outputs included, is one record");
        }
        return limits;
    }

    @Bean
    public WaitingReads apiWaitingReads(@Qualifier("apiTaskService") TaskService tasks,
                                        @Qualifier("apiFinishWaiters") FinishWaiters waiters) {
        return new WaitingReads(tasks, waiters, Runtime.getRuntime().availableProcessors());
    }

    @Bean
    public NodeLogService apiNodeLogService(ApiSettings config, @Qualifier("apiTaskService") TaskService tasks,
                                            @Qualifier("apiWorkflowView") WorkflowView view, @Qualifier("apiViewStores") ViewStores stores,
                                            ViewNames names, @Qualifier("apiLiveLogs") LiveLogs live) {
        return new NodeLogService(tasks, view, stores, names, live, config.logs());
    }

    @Bean
    public WorkflowEventService apiWorkflowEventService(EventProperties settings, @Qualifier("apiTaskService") TaskService tasks,
                                                        @Qualifier("apiWorkflowView") WorkflowView view,
                                                        @Qualifier("apiViewStores") ViewStores stores, ViewNames names,
                                                        @Qualifier("apiLiveEvents") LiveEvents live,
                                                        @Qualifier("apiTaskChanges") TaskChanges changes) {
        return new WorkflowEventService(tasks, view, stores, names.eventStore(), live, changes, settings);
    }

    @Bean
    public ReleaseOnShutdown apiReleaseOnShutdown(@Qualifier("apiFinishWaiters") FinishWaiters waiters,
                                                  @Qualifier("apiNodeLogService") NodeLogService logs,
                                                  @Qualifier("apiWorkflowEventService") WorkflowEventService events) {
        return new ReleaseOnShutdown(waiters, logs, events);
    }

    @Bean
    public DocumentSchema apiDocumentSchema(ApiSettings config) {
        return new DocumentSchema(config.limits());
    }

    @Bean
    public OpenApiContract apiOpenApiContract(@Qualifier("apiDocumentSchema") DocumentSchema schema) {
        return new OpenApiContract(schema);
    }

    @Bean
    public UnknownParameters apiUnknownParameters() {
        return new UnknownParameters();
    }

    @Bean
    public DocumentReader apiDocumentReader() {
        return new DocumentReader();
    }

    @Bean
    public BodyReader apiBodyReader(ApiSettings config) {
        return new BodyReader(config.maxBodyBytes());
    }

    /** Boot's registry, when there is one (there is with the actuator); else one that only keeps the meters. */
    private static MeterRegistry meters(ObjectProvider<MeterRegistry> registry) {
        return registry.getIfAvailable(SimpleMeterRegistry::new);
    }
}
