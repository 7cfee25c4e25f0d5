package org.gorchestrator.worker.config;

import java.util.List;
import org.gorchestrator.kafka.GorchKafkaAutoConfiguration;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.NilDriver;
import org.gorchestrator.worker.driver.SleepDriver;
import org.gorchestrator.worker.driver.shell.NodeSandbox;
import org.gorchestrator.worker.driver.shell.ShellDriver;
import org.gorchestrator.worker.logs.LogShipper;
import org.gorchestrator.worker.runtime.NodeEventPublisher;
import org.gorchestrator.worker.runtime.WorkerSettings;
import org.gorchestrator.worker.runtime.WorkerRuntime;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * The executor worker's beans. Its Kafka clients are built here from {@code spring.kafka.*} and
 * kept inside the worker, not exposed as factory or template beans that other services could pick up.
 * Every {@link Driver} bean in the context is a driver of this worker: add one to add an engine.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, GorchKafkaAutoConfiguration.class, PolicyAutoConfiguration.class})
@ConditionalOnProperty(prefix = "gorch.worker", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({WorkerProperties.class, PolicyProperties.class})
public class WorkerAutoConfiguration {

    @Bean
    public WorkerSettings gorchWorkerConfig(WorkerProperties properties) {
        return properties.toConfig();
    }

    @Bean
    public NilDriver gorchWorkerNilDriver() {
        return new NilDriver();
    }

    @Bean
    public SleepDriver gorchWorkerSleepDriver() {
        return new SleepDriver();
    }

    @Bean
    public ShellDriver gorchWorkerShellDriver(WorkerSettings config, WorkerProperties properties, NodeSandbox sandbox) {
        return new ShellDriver(config.killGrace(), properties.artifactsPath(), sandbox);
    }

    @Bean
    public DriverRegistry gorchWorkerDrivers(List<Driver> drivers, PolicyProperties policy, WorkerProperties properties) {
        return new DriverRegistry(drivers, policy.toPolicy(properties.artifactsPath()));
    }

    @Bean(destroyMethod = "close")
    public NodeEventPublisher gorchWorkerEventPublisher(KafkaProperties kafka, TypedTopics topics) {
        return new NodeEventPublisher(kafka.buildProducerProperties(), topics.nodeEvents());
    }

    @Bean(destroyMethod = "close")
    public LogShipper gorchWorkerLogShipper(WorkerSettings config, KafkaProperties kafka, TypedTopics topics) {
        return new LogShipper(kafka.buildProducerProperties(), topics.nodeLogs(), topics.topics().maxMessageBytes(), config.logFlushInterval(),
                config.logChunkBytes());
    }

    @Bean
    public WorkerRuntime gorchWorkerRuntime(WorkerSettings config, Topics topics, KafkaProperties kafka, DriverRegistry drivers,
                                            NodeEventPublisher events, LogShipper logs, ObjectProvider<MeterRegistry> meters,
                                            RecordTracing tracing) {
        return new WorkerRuntime(config, topics, kafka.buildConsumerProperties(), drivers, events, logs,
                meters.getIfAvailable(SimpleMeterRegistry::new), tracing);
    }

    /** {@code gorch_worker_nodes_busy}, {@code gorch_worker_partitions_assigned}, {@code gorch_worker_rebalances}. */
    @Bean
    public MeterBinder gorchWorkerMeters(WorkerRuntime runtime) {
        return registry -> {
            Gauge.builder("gorch.worker.nodes.busy", runtime, r -> r.status().busy()).description("nodes taken, queued or running")
                    .register(registry);
            Gauge.builder("gorch.worker.partitions.assigned", runtime, r -> r.status().assigned().size())
                    .description("node-command partitions this worker owns").register(registry);
            FunctionCounter.builder("gorch.worker.rebalances", runtime, r -> r.status().rebalances())
                    .description("rebalances this worker went through").register(registry);
        };
    }
}
