package org.gorchestrator.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.message.WorkflowCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class CommandPublisherTest {
    /** Nothing listens on port 1, so no broker ever answers. */
    private final DefaultKafkaProducerFactory<String, WorkflowCommand> noBroker = new DefaultKafkaProducerFactory<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
            new StringSerializer(), JsonSerde.of(WorkflowCommand.class));

    @AfterEach
    void close() {
        noBroker.destroy();
    }

    @Test
    void aBrokerThatDoesNotAnswerMakesTheCommandUnavailable() {
        CommandPublisher publisher = new CommandPublisher(new KafkaTemplate<>(noBroker), "gorch.workflow-commands", Duration.ofSeconds(1));

        BrokerUnavailableException e = catchThrowableOfType(BrokerUnavailableException.class,
                () -> publisher.publish(new WorkflowCommand.Cancel("id-1", "test", Instant.now())));

        assertThat(e.workflowId()).isEqualTo("id-1");
        assertThat(e.getMessage()).contains("broker");
        assertThat(e.delivery()).as("never sent: failed for good").isCompletedExceptionally();
    }

    @Test
    void theProducerSettingsBoundTheDeliveryAndKafkaAcceptsThem() {
        Map<String, Object> settings = CommandPublisher.producerSettings(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"),
                Duration.ofSeconds(10), Duration.ofSeconds(30));

        assertThat(settings).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000L)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Kafka refuses a delivery timeout under linger.ms + request.timeout.ms when it is constructed
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer()).close(Duration.ZERO);
    }

    @Test
    void aRequestTimeoutGivenIsKept() {
        Map<String, Object> settings = CommandPublisher.producerSettings(Map.of(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                Duration.ofSeconds(10), Duration.ofSeconds(30));

        assertThat(settings).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    }
}
