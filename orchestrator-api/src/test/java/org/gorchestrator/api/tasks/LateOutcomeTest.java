package org.gorchestrator.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.api.admission.Admission;
import org.gorchestrator.api.commands.CommandPublisher;
import org.gorchestrator.api.config.DeliverySettings;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the broker answers only after the submit timeout, with a real producer on the API's settings and the real
 * broker. The producer holds each record for a linger longer than the submit timeout, as it holds records while no
 * broker can be reached, so the request is answered before the send settles: its outcome is then followed.
 */
@ExtendWith(KafkaBroker.class)
class LateOutcomeTest {
    private static final String TOPIC = "late-outcome.workflow-commands";
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LINGER = Duration.ofSeconds(3);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(8);

    private static Admin admin;
    private static DefaultKafkaProducerFactory<String, byte[]> producers;
    private static SubmissionSender sender;

    @BeforeAll
    static void lingeringProducer() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        producers = new DefaultKafkaProducerFactory<>(CommandPublisher.producerSettings(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, (int) LINGER.toMillis()), SUBMIT_TIMEOUT, DELIVERY_TIMEOUT),
                new StringSerializer(), new ByteArraySerializer());
        sender = new SubmissionSender(Admission.OPEN, new CommandPublisher(new KafkaTemplate<>(producers), TOPIC, SUBMIT_TIMEOUT,
                CommandPublisher.MAX_PART_BYTES, Long.MAX_VALUE),
                new DeliverySettings(DELIVERY_TIMEOUT, 100, Duration.ofHours(1)), Clock.systemUTC());
    }

    @AfterEach
    void brokerTakesCommands() throws Exception {
        setMaxMessageBytes(String.valueOf(1024 * 1024));
    }

    @AfterAll
    static void close() {
        producers.destroy();
        admin.close();
    }

    @Test
    void aSubmissionTheBrokerTakesAfterItsRequestWasAnsweredIsKnownDelivered() {
        String id = UUID.randomUUID().toString();

        SubmissionNotDeliveredException e = catchThrowableOfType(SubmissionNotDeliveredException.class,
                () -> sender.send(graph(id), Optional.empty()));

        assertThat(e.outcome()).isInstanceOf(SubmissionOutcome.Pending.class);
        assertThat(sender.outcomeOf(id)).containsInstanceOf(SubmissionOutcome.Pending.class);
        await().atMost(DELIVERY_TIMEOUT.plusSeconds(10))
                .until(() -> sender.outcomeOf(id).filter(SubmissionOutcome.Delivered.class::isInstance).isPresent());
    }

    @Test
    void aSubmissionTheBrokerRefusesAfterItsRequestWasAnsweredIsKnownFailed() throws Exception {
        setMaxMessageBytes("64");
        String id = UUID.randomUUID().toString();

        SubmissionNotDeliveredException e = catchThrowableOfType(SubmissionNotDeliveredException.class,
                () -> sender.send(graph(id), Optional.empty()));

        assertThat(e.outcome()).isInstanceOf(SubmissionOutcome.Pending.class);
        await().atMost(DELIVERY_TIMEOUT.plusSeconds(10))
                .until(() -> sender.outcomeOf(id).filter(SubmissionOutcome.Failed.class::isInstance).isPresent());
    }

    private static void setMaxMessageBytes(String bytes) throws Exception {
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC), List.of(set))).all().get();
    }

    private static Graph graph(String id) {
        return Graph.of("g", List.of(0), List.of(Node.of(0, "a", "nil", null, List.of()))).withId(id);
    }
}
