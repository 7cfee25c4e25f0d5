package org.gorchestrator.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
    }
}
