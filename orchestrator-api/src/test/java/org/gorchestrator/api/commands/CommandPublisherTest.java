package org.gorchestrator.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.RecordParts;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

class CommandPublisherTest {
    /** Nothing listens on port 1, so no broker ever answers. */
    private final DefaultKafkaProducerFactory<String, byte[]> noBroker = new DefaultKafkaProducerFactory<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
            new StringSerializer(), new ByteArraySerializer());

    @AfterEach
    void close() {
        noBroker.destroy();
    }

    @Test
    void aBrokerThatDoesNotAnswerMakesTheCommandUnavailable() {
        CommandPublisher publisher = new CommandPublisher(new KafkaTemplate<>(noBroker), "gorch.workflow-commands", Duration.ofSeconds(1),
                CommandPublisher.MAX_PART_BYTES, Long.MAX_VALUE);

        BrokerUnavailableException e = catchThrowableOfType(BrokerUnavailableException.class,
                () -> publisher.publish(new WorkflowCommand.Cancel("id-1", "test", Instant.now())));

        assertThat(e.workflowId()).isEqualTo("id-1");
        assertThat(e.getMessage()).contains("broker");
        assertThat(e.delivery()).as("never sent: failed for good").isCompletedExceptionally();
    }

    @Test
    void aCommandLargerThanAPartGoesAsPartsOfOneSendInOrderUnderItsKeyAndASmallOneWhole() {
        // KafkaTemplate closes a producer after each send; the factory's producers ignore that, MockProducer would not.
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public void close(Duration timeout) {
            }
        };
        CommandPublisher publisher = new CommandPublisher(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), "commands",
                Duration.ofSeconds(5), 100, Long.MAX_VALUE);
        WorkflowCommand.Submit large = new WorkflowCommand.Submit("wf-1", Graphs.chain(20, Graphs.nil()).withId("wf-1"), Instant.EPOCH);
        byte[] whole = Json.write(large);

        publisher.publish(large);
        publisher.publish(new WorkflowCommand.Cancel("wf-2", "enough", Instant.EPOCH));

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        List<ProducerRecord<String, byte[]>> parts = sent.subList(0, sent.size() - 1);
        assertThat(parts).hasSize((whole.length + 99) / 100).allSatisfy(part -> assertThat(part.key()).isEqualTo("wf-1"));
        List<RecordParts.Part> headers = parts.stream().map(part -> RecordParts.of(part.headers()).orElseThrow()).toList();
        assertThat(headers).extracting(RecordParts.Part::index).containsExactlyElementsOf(IntStream.range(0, parts.size()).boxed().toList());
        assertThat(headers).extracting(RecordParts.Part::sendId).containsOnly(headers.get(0).sendId());
        assertThat(headers).extracting(RecordParts.Part::count).containsOnly(parts.size());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        parts.forEach(part -> joined.writeBytes(part.value()));
        assertThat(joined.toByteArray()).isEqualTo(whole);
        ProducerRecord<String, byte[]> cancel = sent.get(sent.size() - 1);
        assertThat(RecordParts.of(cancel.headers())).as("a command that fits a part is one record, as always").isEmpty();
        assertThat(Json.read(cancel.value(), WorkflowCommand.class)).isInstanceOf(WorkflowCommand.Cancel.class);
    }

    @Test
    void aCommandOverTheLimitIsRefusedAndNothingOfItIsSent() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        WorkflowCommand.Submit large = new WorkflowCommand.Submit("wf-1", Graphs.chain(20, Graphs.nil()).withId("wf-1"), Instant.EPOCH);
        int bytes = Json.write(large).length;
        CommandPublisher publisher = new CommandPublisher(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), "commands",
                Duration.ofSeconds(5), 100, bytes - 1);

        assertThatThrownBy(() -> publisher.publish(large)).isInstanceOf(CommandTooLargeException.class)
                .hasMessageContaining(bytes + " bytes").hasMessageContaining("limit of " + (bytes - 1));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void thePartSizeLeavesRoomInARecord() {
        assertThat(CommandPublisher.partBytesFor(8 * 1024 * 1024)).isEqualTo(CommandPublisher.MAX_PART_BYTES);
        assertThat(CommandPublisher.partBytesFor(512 * 1024)).isEqualTo(256 * 1024);
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
