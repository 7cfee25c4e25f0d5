package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gorchestrator.kafka.ClientRoles;
import org.gorchestrator.kafka.Topic;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.worker.driver.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the node-control topic on its own thread, outside any consumer group
 * (every worker needs every kill), and hands each kill to the {@link RunningAttempts}.
 *
 * <p>It starts reading {@code kill-memory} back rather than at the end: a command that waits in
 * Kafka while its workflow is canceled can reach this worker after it started, and must not run.
 */
final class KillListener {
    private static final Logger LOG = LoggerFactory.getLogger(KillListener.class);
    private static final int LOGGED_ERROR_CHARS = 300;

    private final Map<String, Object> settings;
    private final String topic;
    private final Deserializer<NodeKill> kills;
    private final Duration lookBack;
    private final Duration pollTimeout;
    private final RunningAttempts attempts;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean stopping;

    /** @param consumerProperties the Kafka consumer settings ({@code spring.kafka.*}); the group settings are dropped */
    KillListener(WorkerSettings config, Topic<String, NodeKill> topic, Map<String, Object> consumerProperties, RunningAttempts attempts) {
        this.settings = settings(consumerProperties, config);
        this.topic = topic.name();
        this.kills = topic.valueDeserializer();
        this.lookBack = config.killMemory();
        this.pollTimeout = config.pollTimeout();
        this.attempts = attempts;
    }

    void start() {
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "gorch-worker-kills");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kills = consumer) {
            boolean positioned = false;
            while (!stopping) {
                try {
                    if (positioned) {
                        kills.poll(pollTimeout).forEach(this::handle);
                    } else {
                        positioned = assignAll(kills);
                    }
                } catch (WakeupException e) {
                    // stopping
                } catch (KafkaException e) {
                    LOG.warn("cannot read kill requests from {}, trying again: {}", topic, e.toString());
                    pause();
                }
            }
        }
    }

    /** @return true once every partition is assigned and positioned */
    private boolean assignAll(KafkaConsumer<String, byte[]> kills) {
        List<TopicPartition> partitions = kills.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            LOG.warn("topic {} does not exist yet; kill requests wait until it does", topic);
            pause();
            return false;
        }
        kills.assign(partitions);
        // End offsets before the search by time: a kill written in between is read, not skipped.
        Map<TopicPartition, Long> ends = kills.endOffsets(partitions);
        long since = System.currentTimeMillis() - lookBack.toMillis();
        Map<TopicPartition, OffsetAndTimestamp> fromSince = kills.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> since)));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = fromSince.get(partition);
            kills.seek(partition, first == null ? ends.get(partition) : first.offset());
        }
        return true;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        NodeKill kill;
        try {
            kill = kills.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warn("skipping the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    Texts.clip(String.valueOf(e.getMessage()), LOGGED_ERROR_CHARS));
            return;
        }
        if (kill != null) {
            attempts.kill(AttemptId.of(kill), kill.reason());
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static Map<String, Object> settings(Map<String, Object> base, WorkerSettings config) {
        Map<String, Object> given = new HashMap<>(base);
        given.putAll(config.consumer());
        // A kill of a transaction the conductor aborted was never decided.
        Map<String, Object> settings = ClientRoles.committedReader(given);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "gorch-worker-kills-" + config.workerId());
        return settings;
    }
}
