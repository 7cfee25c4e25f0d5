package org.gorchestrator.api.commands;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
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

    /** @throws BrokerUnavailableException when the broker does not acknowledge within the submit timeout */
    public void publish(WorkflowCommand command) {
        String id = command.workflowId();
        try {
            template.send(topic, id, command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(id, "interrupted while waiting for the broker", e);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException(id, "the broker did not acknowledge within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException | KafkaException | org.springframework.kafka.KafkaException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            throw new BrokerUnavailableException(id, "the broker did not take the command: " + cause.getMessage(), cause);
        }
    }
}
