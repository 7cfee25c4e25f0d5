package org.gorchestrator.worker.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.NilDriver;
import org.gorchestrator.worker.driver.OutputLimits;
import org.gorchestrator.worker.driver.SleepDriver;
import org.gorchestrator.worker.driver.shell.ShellDriver;
import org.gorchestrator.worker.logs.LogShipper;
import org.gorchestrator.worker.runtime.NodeEventPublisher;
import org.gorchestrator.worker.runtime.ReportRetry;
import org.gorchestrator.worker.runtime.WorkerSettings;
import org.gorchestrator.worker.runtime.WorkerRuntime;

/** Worker runtimes on a fixture's topics, stopped and closed together. */
public final class Workers implements AutoCloseable {
    private final KafkaFixture kafka;
    private final List<WorkerRuntime> runtimes = new ArrayList<>();
    private final List<NodeEventPublisher> publishers = new ArrayList<>();
    private final List<LogShipper> shippers = new ArrayList<>();

    public Workers(KafkaFixture kafka) {
        this.kafka = kafka;
    }

    /**
     * Small graces, a short poll timeout and small log chunks, so that tests stop and commit quickly and see several chunks;
     * every attempt reports its start at once, however short; finished records are acknowledged at most every 50 ms;
     * output values of at most 16 KB, 48 KB in all; a final event Kafka did not take goes again after 50 ms, then at most every 500 ms.
     */
    public static WorkerSettings config(String workerId, String groupId, int concurrency, Duration shutdownGrace,
                                      Map<String, String> consumer) {
        return new WorkerSettings(workerId, groupId, concurrency, Duration.ofMinutes(1), Duration.ofMillis(500), 64 * 1024,
                shutdownGrace, Duration.ofMillis(200), consumer, Duration.ofMillis(100), 4 * 1024, Duration.ofMinutes(10),
                List.of(), Duration.ZERO, Duration.ofMillis(50), new OutputLimits(16 * 1024, 48 * 1024),
                new ReportRetry(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    public static WorkerSettings config(String workerId, String groupId, int concurrency) {
        return config(workerId, groupId, concurrency, Duration.ofSeconds(5), Map.of());
    }

    /** The worker's own drivers, plus {@code extra}. */
    public static DriverRegistry drivers(Driver... extra) {
        List<Driver> drivers = new ArrayList<>(List.of(new NilDriver(), new SleepDriver(), new ShellDriver(Duration.ofMillis(500), java.nio.file.Path.of(""))));
        drivers.addAll(List.of(extra));
        return new DriverRegistry(drivers);
    }

    public WorkerRuntime start(WorkerSettings config, DriverRegistry drivers) {
        return start(config, drivers, logShipper(config, KafkaFixture.clientProperties()));
    }

    /** A shipper of the fixture's logs topic, through a producer with {@code producerProperties}, closed with the workers. */
    public LogShipper logShipper(WorkerSettings config, Map<String, Object> producerProperties) {
        LogShipper logs = new LogShipper(producerProperties, TypedTopics.of(kafka.topics()).nodeLogs(), kafka.topics().maxMessageBytes(),
                config.logFlushInterval(), config.logChunkBytes());
        shippers.add(logs);
        return logs;
    }

    public WorkerRuntime start(WorkerSettings config, DriverRegistry drivers, LogShipper logs) {
        return start(config, drivers, logs, Map.of());
    }

    /** A worker whose node events go through a producer with {@code eventProducerSettings} besides the broker's address. */
    public WorkerRuntime start(WorkerSettings config, DriverRegistry drivers, Map<String, Object> eventProducerSettings) {
        return start(config, drivers, logShipper(config, KafkaFixture.clientProperties()), eventProducerSettings);
    }

    private WorkerRuntime start(WorkerSettings config, DriverRegistry drivers, LogShipper logs, Map<String, Object> eventProducerSettings) {
        Map<String, Object> producer = new HashMap<>(KafkaFixture.clientProperties());
        producer.putAll(eventProducerSettings);
        NodeEventPublisher events = new NodeEventPublisher(producer, TypedTopics.of(kafka.topics()).nodeEvents());
        publishers.add(events);
        WorkerRuntime runtime = new WorkerRuntime(config, kafka.topics(), KafkaFixture.clientProperties(), drivers, events, logs,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), RecordTracing.PASS_THROUGH);
        runtimes.add(runtime);
        runtime.start();
        return runtime;
    }

    @Override
    public void close() {
        runtimes.forEach(WorkerRuntime::stop);
        publishers.forEach(NodeEventPublisher::close);
        shippers.forEach(LogShipper::close);
    }
}
