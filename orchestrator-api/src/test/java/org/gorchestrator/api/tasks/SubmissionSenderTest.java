package org.gorchestrator.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gorchestrator.api.admission.Admission;
import org.gorchestrator.api.commands.CommandPublisher;
import org.gorchestrator.api.config.DeliverySettings;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** The producer's side is Kafka's MockProducer: the test says when, and how, each send completes. */
class SubmissionSenderTest {
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Graph GRAPH = Graph.of("g", List.of(0), List.of(Node.of(0, "a", "nil", null, List.of()))).withId("task-1");
    private static final Optional<IdempotencyKey> NO_KEY = Optional.empty();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T12:00:00Z"));
    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final CommandPublisher publisher = new CommandPublisher(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
            "commands", Duration.ofMillis(50), CommandPublisher.MAX_PART_BYTES, Long.MAX_VALUE);
    private final SubmissionSender sender = new SubmissionSender(Admission.OPEN, publisher, new DeliverySettings(DELIVERY, 100,
            Duration.ofHours(1)), clock);

    @Test
    void anUnconfirmedSubmissionIsPendingAndTheClientIsToldWhenItsOutcomeIsKnownAndHowToLearnIt() {
        SubmissionNotDeliveredException e = catchThrowableOfType(SubmissionNotDeliveredException.class, () -> sender.send(GRAPH, NO_KEY));

        assertThat(e.outcome()).isEqualTo(new SubmissionOutcome.Pending(clock.instant().plus(DELIVERY)));
        assertThat(e.retryAfter()).isEqualTo(DELIVERY);
        assertThat(e.getMessage()).contains("did not acknowledge within 50 ms", "GET /v1/tasks/task-1", "Task not submitted");
        assertThat(sender.outcomeOf("task-1")).contains(e.outcome());
    }

    @Test
    void anUnconfirmedSubmissionThatFinallyFailsIsRememberedAsFailed() {
        catchThrowableOfType(SubmissionNotDeliveredException.class, () -> sender.send(GRAPH, NO_KEY));

        producer.errorNext(new TimeoutException("Expiring 1 record(s) for commands-0: 30000 ms has passed since batch creation"));

        assertThat(sender.outcomeOf("task-1")).get().isInstanceOfSatisfying(SubmissionOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("Expiring 1 record"));
    }

    @Test
    void anUnconfirmedSubmissionThatFinallyArrivesIsRememberedAsDelivered() {
        catchThrowableOfType(SubmissionNotDeliveredException.class, () -> sender.send(GRAPH, NO_KEY));

        producer.completeNext();

        assertThat(sender.outcomeOf("task-1")).containsInstanceOf(SubmissionOutcome.Delivered.class);
    }

    @Test
    void aKeyedSubmissionIsToldToRepeatWithTheSameKey() {
        SubmissionNotDeliveredException e = catchThrowableOfType(SubmissionNotDeliveredException.class,
                () -> sender.send(GRAPH, Optional.of(new IdempotencyKey("order-1"))));

        assertThat(e.getMessage()).contains("Repeat the request with the same Idempotency-Key");
    }

    @Test
    void aSubmissionTheBrokerRefusesAtOnceFailedAndNothingWasSubmitted() {
        producer.sendException = new KafkaException("record too large");

        SubmissionNotDeliveredException e = catchThrowableOfType(SubmissionNotDeliveredException.class, () -> sender.send(GRAPH, NO_KEY));

        assertThat(e.outcome()).isInstanceOf(SubmissionOutcome.Failed.class);
        assertThat(e.getMessage()).contains("record too large", "nothing was submitted: submit again");
        assertThat(sender.outcomeOf("task-1")).containsInstanceOf(SubmissionOutcome.Failed.class);
    }

    @Test
    void aConfirmedSubmissionLeavesNothingToRemember() {
        MockProducer<String, byte[]> answering = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SubmissionSender confirmed = new SubmissionSender(Admission.OPEN, new CommandPublisher(
                new KafkaTemplate<>(new MockProducerFactory<>(() -> answering)), "commands", Duration.ofSeconds(5), CommandPublisher.MAX_PART_BYTES, Long.MAX_VALUE),
                new DeliverySettings(DELIVERY, 100, Duration.ofHours(1)), clock);

        confirmed.send(GRAPH, NO_KEY);

        assertThat(answering.history()).singleElement().satisfies(record -> assertThat(record.key()).isEqualTo("task-1"));
        assertThat(confirmed.outcomeOf("task-1")).isEmpty();
    }

    @Test
    void aSubmissionAdmissionRefusesIsNotSent() {
        SubmissionSender refusing = new SubmissionSender(definition -> {
            throw new IllegalStateException("refused");
        }, publisher, new DeliverySettings(DELIVERY, 100, Duration.ofHours(1)), clock);

        catchThrowableOfType(IllegalStateException.class, () -> refusing.send(GRAPH, NO_KEY));

        assertThat(producer.history()).isEmpty();
        assertThat(refusing.outcomeOf("task-1")).isEmpty();
    }

    @Test
    void anOutcomeIsForgottenAfterItsTime() {
        catchThrowableOfType(SubmissionNotDeliveredException.class, () -> sender.send(GRAPH, NO_KEY));
        producer.errorNext(new TimeoutException("expired"));

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(sender.outcomeOf("task-1")).isEmpty();
    }
}
