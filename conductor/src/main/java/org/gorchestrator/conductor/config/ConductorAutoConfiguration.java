package org.gorchestrator.conductor.config;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.gorchestrator.conductor.topology.ConductorMetrics;
import org.gorchestrator.conductor.topology.ConductorSettings;
import org.gorchestrator.conductor.topology.ConductorTopology;
import org.gorchestrator.conductor.topology.UnwritableRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TopicsProperties;
import org.gorchestrator.kafka.StartTopics;
import org.gorchestrator.conductor.schedules.SchedulesProperties;
import org.gorchestrator.kafka.streams.StreamsRoles;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;

/** Runs the conductor's topology under spring-kafka's lifecycle, exactly once. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "gorch.conductor", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ConductorProperties.class, SchedulesProperties.class})
public class ConductorAutoConfiguration {

    @Bean
    public ConductorMetrics conductorMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? ConductorMetrics.NONE : new MicrometerConductorMetrics(meters);
    }

    @Bean
    public UnwritableRecords conductorUnwritableRecords(ConductorMetrics conductorMetrics) {
        return new UnwritableRecords(conductorMetrics);
    }

    @Bean
    public ConductorTopology conductorTopology(Topics topics, TopicsProperties topicsProperties, ConductorProperties properties,
                                               ConductorMetrics conductorMetrics, RecordTracing tracing,
                                               UnwritableRecords conductorUnwritableRecords) {
        ConductorSettings settings = properties.toSettings(topics.maxMessageBytes(), topicsProperties.maxCommandSize().toBytes());
        return new ConductorTopology(topics, settings, conductorMetrics, tracing, conductorUnwritableRecords);
    }

    /**
     * The dead-letter topic, created at start-up with the gorch.kafka topics. The conductor's own: only
     * its topology writes it, so it is named and kept by {@code gorch.conductor.*}.
     */
    @Bean
    public NewTopic conductorDeadLetterTopic(Topics topics, ConductorProperties properties) {
        return new NewTopic(properties.deadLetterTopic(), topics.partitions(), topics.replicationFactor()).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.deadLetterRetention().toMillis()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(topics.maxMessageBytes())));
    }

    /** Named {@code conductorStreams}: the readiness and liveness groups include it. */
    @Bean
    public ConductorStreamsHealthIndicator conductorStreamsHealthIndicator(
            @Qualifier("&conductorStreams") StreamsBuilderFactoryBean conductorStreams) {
        return new ConductorStreamsHealthIndicator(conductorStreams);
    }

    @Bean
    public StreamsBuilderFactoryBean conductorStreams(KafkaProperties kafka, ConductorProperties properties, Topics topics,
                                                      ConductorTopology topology, ObjectProvider<MeterRegistry> registry,
                                                      UnwritableRecords conductorUnwritableRecords, StartTopics start,
                                                      SchedulesProperties schedules) {
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(
                streamsProperties(kafka.buildStreamsProperties(), properties, topics, conductorUnwritableRecords)));
        registry.ifAvailable(meters -> factory.addListener(new KafkaStreamsMicrometerListener(meters)));
        // A refused record fails its transaction, and so its thread: a new one settles the workflow (UnwritableRecords).
        // Any other failure replaces the thread too, within a budget (StreamThreadFailures).
        StreamThreadFailures failures = new StreamThreadFailures(properties.threadReplacements(),
                properties.threadReplacementWindow(), System::nanoTime);
        // Kafka Streams 4.1 leaves its group on close only as a static member (by the Admin API).
        factory.setLeaveGroupOnClose(properties.instanceId() != null);
        factory.setStreamsUncaughtExceptionHandler(failure -> conductorUnwritableRecords.replaceThread()
                ? StreamThreadExceptionResponse.REPLACE_THREAD : failures.handle(failure));
        factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureTopology(org.apache.kafka.streams.Topology built) {
                if (schedules.enabled()) {
                    topology.addTo(built, start, schedules.toSettings());
                } else {
                    topology.addTo(built);
                }
            }
        });
        return factory;
    }

    /**
     * The Streams settings: {@code spring.kafka.streams.*} ({@code kafkaStreams}), then ours. The
     * producer's linger, batch size and requests in flight are defaults a
     * {@code spring.kafka.streams.properties.producer.*} overrides. A record that cannot be written
     * goes to {@code unwritable} ({@link UnwritableRecordHandler}), never stops the conductor by itself.
     */
    static Map<String, Object> streamsProperties(Map<String, Object> kafkaStreams, ConductorProperties properties, Topics topics,
                                                 UnwritableRecords unwritable) {
        Map<String, Object> config = StreamsRoles.exactlyOnce(kafkaStreams, properties.applicationId());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        config.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, pollMillis(properties.commitInterval()));
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // Commands and node events of one workflow may be processed in any order (the engine is
        // order-tolerant), so never hold a task back waiting for an empty partition to catch up.
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), topics.maxMessageBytes());
        // The store changelogs Streams creates take what the producer may send: a broker's default (1 MB) is less.
        config.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), topics.maxMessageBytes());
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, UnwritableRecordHandler.class);
        config.put(UnwritableRecords.CONFIG, unwritable);
        // A short linger lets records of one transaction share produce requests (without one, a record
        // under load tends to go in a request of its own) without holding up the commit, which waits for
        // the lingering batches: a linger as long as Streams' own default would add itself to every
        // hand-off. A 128 KB batch for each partition a thread writes (48 with the default partition
        // counts) fits the producer's default 32 MB buffer.
        config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 128 * 1024);
        // One produce request in flight: the batches of a transaction go in fewer, fuller requests,
        // and a batch the broker refuses while the previous transaction completes no longer has
        // pipelined batches behind it refused out of order (which the broker logs as errors).
        // BENCHMARKS.md, "Settings behind the figures".
        config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), topics.maxMessageBytes());
        if (properties.instanceId() != null) {
            config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), properties.instanceId());
        }
        if (properties.stateDir() != null && !properties.stateDir().isBlank()) {
            config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        }
        return config;
    }

    /**
     * How long a stream thread that ran out of records waits in {@code poll}: a fifth of the commit
     * interval, from 1 to 100 ms. Kafka Streams commits only between polls, so a commit that falls
     * due while the thread waits comes when the wait ends; the commands of the last records wait
     * with it (the workers read committed). A wait as long as the interval made a commit cycle up
     * to twice the interval (BENCHMARKS.md, *What limits the numbers now*).
     */
    static long pollMillis(Duration commitInterval) {
        return Math.max(1, Math.min(commitInterval.toMillis() / 5, 100));
    }
}
