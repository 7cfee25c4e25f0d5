package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gorchestrator.kafka.ClientRoles;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.shell.ShellDriver;
import org.gorchestrator.worker.logs.LogShipper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * One worker process's member of the worker group: consumes node commands, runs them on a bounded
 * pool and commits each record only once its node finished and its final event was acked
 * (at least once: a command whose worker dies mid-node runs again on another worker, with the same
 * attempt number, and the conductor drops the duplicate report), or its report was given up past the
 * attempt's deadline ({@link FinalReports}). Alongside, it reads every kill request and stops the
 * attempts they name.
 */
public final class WorkerRuntime implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
    private static final Duration PAUSED_POLL_TIMEOUT = Duration.ofMillis(5);

    private final WorkerSettings config;
    private final RunningAttempts attempts;
    private final InFlightOffsets offsets;
    private final ScheduledExecutorService acknowledger = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gorch-worker-acks");
        thread.setDaemon(true);
        return thread;
    });
    private final NodePool pool;
    private final CommandIntake intake;
    private final KafkaMessageListenerContainer<String, byte[]> container;
    private final KillListener kills;
    private final FinalReports reports;
    private final MeterRegistry meters;
    private volatile boolean running;

    /**
     * @param consumerProperties the Kafka consumer settings ({@code spring.kafka.*}); the worker adds its own
     * @param meters             where the worker's metrics go: schedule latency, busy nodes, the consumer's lag
     * @param tracing            continues the trace of each node command in its attempt and events
     */
    public WorkerRuntime(WorkerSettings config, Topics topics, Map<String, Object> consumerProperties, DriverRegistry drivers,
                         NodeEventPublisher events, LogShipper logs, MeterRegistry meters, RecordTracing tracing) {
        this.config = config;
        this.reports = new FinalReports(events::publish, config.reportRetry(), InstantSource.system());
        this.meters = meters;
        this.offsets = new InFlightOffsets(config.commitInterval(), System::nanoTime);
        this.attempts = new RunningAttempts(config.killMemory());
        this.pool = new NodePool(config, new AttemptRunner(config, drivers, events, reports, logs, scheduleLatency(meters), tracing),
                offsets, attempts, this::pauseIntake, this::resumeIntake);
        TypedTopics typed = TypedTopics.of(topics);
        // Every pool's commands are the same records: one deserializer reads them all.
        this.intake = new CommandIntake(offsets, pool, typed.nodeCommands(Topics.DEFAULT_POOL).valueDeserializer(), this::endOrphans);
        this.container = container(config.pools().stream().map(p -> typed.nodeCommands(p).name()).distinct().toArray(String[]::new),
                consumerProperties);
        this.kills = new KillListener(config, typed.nodeControl(), consumerProperties, attempts);
    }

    @Override
    public void start() {
        if (pool.isStopping()) {
            throw new IllegalStateException("worker " + config.workerId() + " was stopped; a stopped worker runtime cannot start again");
        }
        kills.start();
        container.start();
        startAcknowledger();
        running = true;
    }

    /**
     * Stops taking commands, lets running nodes finish and their reports go within the shutdown grace, kills the rest,
     * then leaves the group.
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        long graceEnds = System.nanoTime() + config.shutdownGrace().toNanos();
        pool.shutdown();
        // Nodes finished before the stop are committed by it only once their final events are acked; a report
        // still unsettled at the grace's end is dropped, uncommitted: the partition's next owner runs its command again.
        reports.awaitSettled(Duration.ofNanos(graceEnds - System.nanoTime()));
        reports.stop();
        stopAcknowledger();
        container.stop();
        kills.stop();
        running = false;
    }

    /**
     * Ends the node processes that workers gone without ending them (killed, crashed) left on this host: before this
     * worker takes their partitions' commands, which run those nodes again.
     */
    private void endOrphans() {
        int orphans = ShellDriver.endOrphans(config.killGrace());
        if (orphans > 0) {
            LOG.warn("worker {}: ended {} node processes that a worker gone without ending them (killed, crashed) left running on this host",
                    config.workerId(), orphans);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * From the moment a node became ready to its start here: the time of the conductor's input that dispatched it (its
     * last predecessor's finish on that worker's clock, the submission, or the retry time), as the command carries it.
     * For a node with predecessors it is the whole hand-off: the report's way to the conductor, the decision, the commit
     * and the way to this worker.
     */
    private static Timer scheduleLatency(MeterRegistry meters) {
        return Timer.builder("gorch.node.schedule").description("from the moment a node became ready to its start on a worker")
                .publishPercentileHistogram().register(meters);
    }

    public WorkerStatus status() {
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        return new WorkerStatus(config.workerId(), assigned == null ? Set.of() : Set.copyOf(assigned), intake.rebalances(), pool.busy(),
                attempts.kills());
    }

    /** Acknowledges, every commit interval, the finished records an interval held back (its thread starts with the first run). */
    private void startAcknowledger() {
        long interval = config.commitInterval().toNanos();
        if (interval > 0) {
            acknowledger.scheduleAtFixedRate(offsets::acknowledgeDue, interval, interval, TimeUnit.NANOSECONDS);
        }
    }

    private void stopAcknowledger() {
        // Not interrupted: an acknowledgement half made would be lost.
        acknowledger.shutdown();
        try {
            acknowledger.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        offsets.acknowledgeAll();
    }

    private void pauseIntake() {
        container.pause();
    }

    private void resumeIntake() {
        container.resume();
    }

    private KafkaMessageListenerContainer<String, byte[]> container(String[] commandTopics, Map<String, Object> consumerProperties) {
        ContainerProperties properties = new ContainerProperties(commandTopics);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        // A lost async commit only makes a finished node's record run again (at least once), and
        // the conductor drops the repeated report; a sync commit would stall the intake every poll.
        properties.setSyncCommits(false);
        properties.setPollTimeout(config.pollTimeout().toMillis());
        // While every slot is taken the consumer polls paused. A resume wakes that poll, but one that
        // comes just before it starts is missed, and the nodes then wait out the paused poll: spring-kafka's
        // 100 ms made the hand-off's p99 (a full poll, max.poll.records = concurrency, always pauses).
        properties.setPollTimeoutWhilePaused(PAUSED_POLL_TIMEOUT);
        properties.setClientId("gorch-worker-" + config.workerId());
        properties.setMessageListener(intake);
        properties.setConsumerRebalanceListener(intake);
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(
                consumerSettings(consumerProperties), new StringDeserializer(), new ByteArrayDeserializer());
        factory.addListener(new MicrometerConsumerListener<>(meters));
        KafkaMessageListenerContainer<String, byte[]> listenerContainer = new KafkaMessageListenerContainer<>(factory, properties);
        listenerContainer.setBeanName("gorch-worker");
        return listenerContainer;
    }

    private Map<String, Object> consumerSettings(Map<String, Object> base) {
        Map<String, Object> given = new HashMap<>(base);
        given.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        given.putAll(config.consumer());
        // A command of a transaction the conductor aborted must not run; a record is committed once its node finished.
        Map<String, Object> settings = ClientRoles.committedReader(given);
        // The consumer protocol (KIP-848) assigns on the broker and rejects a client-side assignor.
        if (!"consumer".equalsIgnoreCase(String.valueOf(settings.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            // Incremental rebalances: a worker joining or leaving does not stop every other worker's intake.
            settings.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        }
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        // One poll never brings more nodes than the pool can start: the rest wait in Kafka, not in memory.
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.concurrency());
        return settings;
    }
}
