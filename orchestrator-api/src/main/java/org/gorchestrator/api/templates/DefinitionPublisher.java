package org.gorchestrator.api.templates;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gorchestrator.api.commands.BrokerUnavailableException;
import org.gorchestrator.json.Json;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.core.NestedExceptionUtils;

/** Writes a template, schedule or trigger under its name to its compacted topic (or any record) and returns once the broker has it. */
public final class DefinitionPublisher {
    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    public DefinitionPublisher(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /**
     * @param definition the new value; null writes a tombstone, which removes the name once the topic is compacted
     * @throws BrokerUnavailableException when the broker does not acknowledge in time or refuses the record
     */
    public void publish(String topic, String name, Object definition) {
        send(new ProducerRecord<>(topic, name, definition == null ? null : Json.write(definition)));
    }

    /**
     * Writes the record as it is (headers included) and returns once the broker has it.
     *
     * @throws BrokerUnavailableException when the broker does not acknowledge in time or refuses the record
     */
    public void send(ProducerRecord<String, byte[]> record) {
        String name = record.key();
        try {
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(name, "interrupted while waiting for the broker", e);
        } catch (TimeoutException e) {
            throw unavailable(name, "the broker did not acknowledge within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException | RuntimeException e) {
            throw unavailable(name, "the broker did not take the record: " + NestedExceptionUtils.getMostSpecificCause(e).getMessage(), e);
        }
    }

    private static BrokerUnavailableException unavailable(String name, String message, Exception cause) {
        return new BrokerUnavailableException(name, message, cause, java.util.concurrent.CompletableFuture.failedFuture(cause));
    }
}
