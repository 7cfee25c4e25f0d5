package org.gorchestrator.api;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.test.KafkaBroker;

/**
 * Stands in for the conductor's handling of submits: publishes the graph of each Submit sent from
 * now on as the workflow's state, and, like the conductor, keeps the first Submit of an id.
 */
final class ConductorEcho implements AutoCloseable {
    private final KafkaConsumer<String, WorkflowCommand> consumer;
    private final KafkaTopicsClient kafka;
    private final Thread thread;
    private final Set<String> known = new HashSet<>();

    private ConductorEcho(Topics topics, KafkaTopicsClient kafka) {
        this.kafka = kafka;
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), JsonSerde.of(WorkflowCommand.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topics.workflowCommands()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the end is looked up lazily: fix it before any request is sent
        thread = new Thread(this::echo, "conductor-echo");
    }

    static ConductorEcho start(Topics topics, KafkaTopicsClient kafka) {
        ConductorEcho echo = new ConductorEcho(topics, kafka);
        echo.thread.start();
        return echo;
    }

    private void echo() {
        try {
            while (true) {
                for (ConsumerRecord<String, WorkflowCommand> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() instanceof WorkflowCommand.Submit submit && known.add(submit.workflowId())) {
                        kafka.publishState(submit.workflowId(), submit.graph());
                    }
                }
            }
        } catch (WakeupException closing) {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }
}
