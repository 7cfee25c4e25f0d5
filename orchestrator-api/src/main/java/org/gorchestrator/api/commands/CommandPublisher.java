package org.gorchestrator.api.commands;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.gorchestrator.kafka.ClientRoles;
import org.gorchestrator.message.WorkflowCommand;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes submit and cancel commands keyed by workflow id and returns only once the broker has them. */
public final class CommandPublisher {
    private final KafkaTemplate<String, WorkflowCommand> template;
    private final String topic;
    private final Duration timeout;

    public CommandPublisher(KafkaTemplate<String, WorkflowCommand> template, String topic, Duration timeout) {
        this.template = template;
        this.topic = topic;
        this.timeout = timeout;
    }

    /**
     * The producer settings the publisher relies on, over {@code base}: every command written once and acknowledged by
     * every in-sync replica ({@link ClientRoles#idempotentProducer}); {@code send} blocks no longer than the submit
     * timeout; an unacknowledged command is retried until {@code deliveryTimeout} and never after, so its outcome is
     * known by then.
     */
    public static Map<String, Object> producerSettings(Map<String, Object> base, Duration submitTimeout, Duration deliveryTimeout) {
        Map<String, Object> settings = ClientRoles.idempotentProducer(base);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, submitTimeout.toMillis());
        int deliveryMillis = (int) deliveryTimeout.toMillis();
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMillis);
        // Kafka refuses a delivery timeout under linger.ms + request.timeout.ms (30 s unless set): one request may take half.
        settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, deliveryMillis / 2);
        return settings;
    }

    /**
     * @throws BrokerUnavailableException when the broker does not acknowledge within the submit timeout (counted from the
     *                                    call: the producer's wait for metadata or buffer space is part of it)
     */
    public void publish(WorkflowCommand command) {
        String id = command.workflowId();
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<?> sent;
        try {
            sent = template.send(topic, id, command);
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            throw refused(id, e);
        }
        try {
            sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(id, "interrupted while waiting for the broker", e, sent);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException(id, "the broker did not acknowledge within " + timeout.toMillis() + " ms", e, sent);
        } catch (ExecutionException e) {
            throw refused(id, e);
        }
    }

    private static BrokerUnavailableException refused(String id, Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return new BrokerUnavailableException(id, "the broker did not take the command: " + cause.getMessage(), cause,
                CompletableFuture.failedFuture(cause));
    }
}
