package org.gorchestrator.worker.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.message.NodeEvent;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes node events keyed by workflow id, idempotently and with acks=all, and waits for each ack. */
public final class NodeEventPublisher implements AutoCloseable {
    private final DefaultKafkaProducerFactory<String, NodeEvent> factory;
    private final KafkaTemplate<String, NodeEvent> template;
    private final String topic;

    /** @param producerProperties the Kafka producer settings ({@code spring.kafka.*}); acks and idempotence are forced */
    public NodeEventPublisher(Map<String, Object> producerProperties, String topic) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Each event is sent alone and waited for: batching would only add Kafka 4's 5 ms default linger to every hand-off.
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.factory = new DefaultKafkaProducerFactory<>(properties, new StringSerializer(), JsonSerde.of(NodeEvent.class));
        this.template = new KafkaTemplate<>(factory);
        this.topic = topic;
    }

    /** @throws IllegalStateException when the broker did not take the event within the producer's delivery timeout */
    public void publish(NodeEvent event) {
        try {
            template.send(topic, event.workflowId(), event).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish " + describe(event) + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + describe(event), e);
        }
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
