package org.gorchestrator.api.commands;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.ClientRoles;
import org.gorchestrator.kafka.RecordParts;
import org.gorchestrator.message.WorkflowCommand;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes submit and cancel commands keyed by workflow id and returns only once the broker has them. A command
 * larger than {@code partBytes} as JSON (the submit of a graph of many thousands of nodes) goes as consecutive parts of
 * that size ({@link RecordParts}), which the conductor joins: no command record grows with its graph.
 */
public final class CommandPublisher {
    /** The largest part: far under any record limit, so that a large submit goes in requests of the usual size. */
    public static final int MAX_PART_BYTES = 1024 * 1024;

    private final KafkaTemplate<String, byte[]> template;
    private final String topic;
    private final Duration timeout;
    private final int partBytes;
    private final long maxCommandBytes;

    /**
     * {@code partBytes}: the most bytes of a command one record carries; {@code maxCommandBytes}: the most a command may
     * take in all (gorch.kafka.max-command-size: the conductor joins no more).
     */
    public CommandPublisher(KafkaTemplate<String, byte[]> template, String topic, Duration timeout, int partBytes, long maxCommandBytes) {
        this.template = template;
        this.topic = topic;
        this.timeout = timeout;
        this.partBytes = partBytes;
        this.maxCommandBytes = maxCommandBytes;
    }

    /** The part size for records of at most {@code maxMessageBytes}: {@link #MAX_PART_BYTES}, or less with room for the key and headers. */
    public static int partBytesFor(int maxMessageBytes) {
        return Math.min(MAX_PART_BYTES, maxMessageBytes / 2);
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
     * @throws CommandTooLargeException   when the command is over the limit: nothing is sent
     * @throws BrokerUnavailableException when the broker does not acknowledge within the submit timeout (counted from the
     *                                    call: the producer's wait for metadata or buffer space is part of it)
     */
    public void publish(WorkflowCommand command) {
        String id = command.workflowId();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<byte[]> parts = RecordParts.write(partBytes, out -> Json.mapper().writeValue(out, command));
        long bytes = parts.stream().mapToLong(part -> part.length).sum();
        if (bytes > maxCommandBytes) {
            throw new CommandTooLargeException(id, bytes, maxCommandBytes);
        }
        CompletableFuture<?> sent;
        try {
            sent = send(id, parts);
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

    /** Sends the parts in order, on one partition (they share the key); done when every one is, failed when any is. */
    private CompletableFuture<?> send(String id, List<byte[]> parts) {
        if (parts.size() == 1) {
            return template.send(topic, id, parts.get(0));
        }
        String sendId = UUID.randomUUID().toString();
        CompletableFuture<?>[] sends = new CompletableFuture<?>[parts.size()];
        for (int i = 0; i < sends.length; i++) {
            ProducerRecord<String, byte[]> part = new ProducerRecord<>(topic, id, parts.get(i));
            part.headers().add(RecordParts.HEADER, new RecordParts.Part(sendId, i, sends.length).header());
            sends[i] = template.send(part);
        }
        return CompletableFuture.allOf(sends);
    }

    private static BrokerUnavailableException refused(String id, Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return new BrokerUnavailableException(id, "the broker did not take the command: " + cause.getMessage(), cause,
                CompletableFuture.failedFuture(cause));
    }
}
