package org.gorchestrator.worker.runtime;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.gorchestrator.kafka.ClientRoles;
import org.gorchestrator.kafka.Topic;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.NodeEvent;
import org.springframework.core.NestedExceptionUtils;
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
    private final Serializer<NodeEvent> serializer;
    private final String topic;
    private final int maxRequestSize;

    /** @param producerProperties the Kafka producer settings ({@code spring.kafka.*}); acks and idempotence are forced */
    public NodeEventPublisher(Map<String, Object> producerProperties, Topic<String, NodeEvent> topic) {
        Map<String, Object> properties = ClientRoles.idempotentProducer(producerProperties);
        // Events batch by themselves while earlier sends are in flight; a linger would only add Kafka 4's 5 ms default to every hand-off.
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.serializer = topic.valueSerializer();
        this.factory = new DefaultKafkaProducerFactory<>(properties, topic.keySerializer(), serializer);
        this.template = new KafkaTemplate<>(factory);
        this.topic = topic.name();
        this.maxRequestSize = (Integer) ConfigDef.parseType(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                properties.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024), ConfigDef.Type.INT);
    }

    /**
     * Sends the event; never throws.
     *
     * @param traceparent the trace context the event carries (W3C {@code traceparent}), or null for none
     * @return completes once the broker has the event; completes exceptionally with an
     * {@link UnpublishableEventException} when Kafka can never take the event, else with an
     * {@link IllegalStateException} when the broker did not take it within the producer's timeouts
     */
    public CompletableFuture<Void> publish(NodeEvent event, String traceparent) {
        CompletableFuture<?> sent;
        try {
            sent = template.send(new ProducerRecord<>(topic, null, event.workflowId(), event, TraceHeaders.of(traceparent)));
        } catch (RuntimeException e) { // the producer refused the record at once: too large, or no metadata within max.block.ms
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> published = new CompletableFuture<>();
        sent.whenComplete((ok, error) -> {
            if (error == null) {
                published.complete(null);
            } else {
                published.completeExceptionally(failure(event, error instanceof CompletionException ? error.getCause() : error));
            }
        });
        return published;
    }

    @Override
    public void close() {
        factory.destroy();
    }

    private RuntimeException failure(NodeEvent event, Throwable error) {
        Throwable tooLarge = cause(error, RecordTooLargeException.class, RecordBatchTooLargeException.class);
        if (tooLarge != null) {
            return new UnpublishableEventException("result of " + sizeOf(event) + " bytes exceeds the producer's max.request.size ("
                    + maxRequestSize + ") or the max.message.bytes of topic " + topic + ": " + tooLarge.getMessage(), error);
        }
        Throwable unserializable = cause(error, SerializationException.class);
        if (unserializable != null) {
            return new UnpublishableEventException("result could not be serialized: " + unserializable.getMessage(), error);
        }
        return new IllegalStateException("could not publish " + describe(event) + ": " + NestedExceptionUtils.getMostSpecificCause(error),
                error);
    }

    private String sizeOf(NodeEvent event) {
        try {
            return Integer.toString(serializer.serialize(topic, event).length);
        } catch (SerializationException e) {
            return "unknown";
        }
    }

    /** The first exception in the chain of {@code error} of one of the {@code types}, or null. */
    @SafeVarargs
    private static Throwable cause(Throwable error, Class<? extends Throwable>... types) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return null;
    }

    static String describe(NodeEvent event) {
        return event.getClass().getSimpleName() + " of node " + event.nodeId() + " attempt " + event.attempt()
                + " of workflow " + event.workflowId();
    }
}
