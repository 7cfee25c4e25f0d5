package org.gorchestrator.worker.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.NodeEvent;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes node events keyed by workflow id, idempotently and with acks=all. Sends do not block:
 * one workflow's events share a partition and the idempotent producer keeps their order, so a
 * node's thread need not wait for its "started" event before running, nor for its final event
 * before taking the next node; whoever needs the ack waits on the returned future.
 */
public final class NodeEventPublisher implements AutoCloseable {
    private final DefaultKafkaProducerFactory<String, NodeEvent> factory;
    private final KafkaTemplate<String, NodeEvent> template;
    private final String topic;

    /** @param producerProperties the Kafka producer settings ({@code spring.kafka.*}); acks and idempotence are forced */
    public NodeEventPublisher(Map<String, Object> producerProperties, String topic) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Events batch by themselves while earlier sends are in flight; a linger would only add Kafka 4's 5 ms default to every hand-off.
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.factory = new DefaultKafkaProducerFactory<>(properties, new StringSerializer(), JsonSerde.of(NodeEvent.class));
        this.template = new KafkaTemplate<>(factory);
        this.topic = topic;
    }

    /**
     * @param traceparent the trace context the event carries (W3C {@code traceparent}), or null for none
     * @return completes once the broker has the event; completes exceptionally with an
     * {@link IllegalStateException} when the broker did not take it within the producer's delivery timeout
     */
    public CompletableFuture<Void> publish(NodeEvent event, String traceparent) {
        return template.send(new ProducerRecord<>(topic, null, event.workflowId(), event, TraceHeaders.of(traceparent)))
                .handle((sent, error) -> {
                    if (error != null) {
                        throw new IllegalStateException("could not publish " + describe(event) + ": " + error.getMessage(), error);
                    }
                    return null;
                });
    }

    /** Waits until every event sent so far is acknowledged or failed. */
    public void flush() {
        template.flush();
    }

    @Override
    public void close() {
        factory.destroy();
    }

    private static String describe(NodeEvent event) {
        return event.getClass().getSimpleName() + " of node " + event.nodeId() + " attempt " + event.attempt()
                + " of workflow " + event.workflowId();
    }
}
