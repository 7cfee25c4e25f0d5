package org.gorchestrator.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.gorchestrator.api.admission.AdmissionRefusedException;
import org.gorchestrator.api.admission.Backlog;
import org.gorchestrator.api.admission.BacklogTopic;
import org.gorchestrator.api.admission.Lag;
import org.gorchestrator.api.tasks.SubmissionOutcome;
import org.gorchestrator.api.tasks.UnconfirmedTaskException;
import org.gorchestrator.api.commands.BrokerUnavailableException;
import org.gorchestrator.api.view.ViewNames;
import org.gorchestrator.api.view.ViewNotReadyException;
import org.gorchestrator.api.view.ViewStores;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class ProblemHandlerTest {
    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aReadBeforeTheViewRunsIsUnavailableForNow() {
        WorkflowView notStarted = new WorkflowView(new ViewStores(new StreamsBuilderFactoryBean()), ViewNames.of(Topics.DEFAULTS, "1"));
        ViewNotReadyException e = catchThrowableOfType(ViewNotReadyException.class, () -> notStarted.find("any"));

        ResponseEntity<ProblemDetail> response = handler.viewNotReady(e);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().getDetail()).contains("not running");
    }

    @Test
    void anUnacknowledgedCommandIsUnavailableAndKeepsTheId() {
        ResponseEntity<ProblemDetail> response = handler.brokerUnavailable(
                new BrokerUnavailableException("id-1", "the broker did not acknowledge within 10 ms", null, new CompletableFuture<>()));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().getProperties()).containsEntry("id", "id-1");
        assertThat(response.getBody().getDetail()).contains("repeat the request");
    }

    @Test
    void aRefusedAdmissionIsTooManyRequestsNamingTheBacklog() {
        Lag lag = new Lag(new BacklogTopic(Backlog.NODE_COMMANDS, "gorch-workers", "gorch.node-commands.gpu"), 51_234);

        ResponseEntity<ProblemDetail> response = handler.admissionRefused(new AdmissionRefusedException(lag, 50_000, Duration.ofSeconds(5)));

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().getTitle()).isEqualTo("Backlog over its limit");
        assertThat(response.getBody().getProperties()).containsEntry("backlog", "node-commands")
                .containsEntry("topic", "gorch.node-commands.gpu").containsEntry("group", "gorch-workers")
                .containsEntry("lag", 51_234L).containsEntry("limit", 50_000L);
        assertThat(response.getBody().getDetail()).contains("51234", "50000", "gorch.api.admission.max-node-commands-lag");
    }

    @Test
    void aPendingOutcomeIsToBeAskedForAgainOnceSettledRoundedUpToTheSecond() {
        Instant now = Instant.parse("2025-01-01T12:00:00Z");
        SubmissionOutcome pending = new SubmissionOutcome.Pending(now.plusMillis(20_200));

        ResponseEntity<ProblemDetail> response = handler.unconfirmedTask(new UnconfirmedTaskException("id-1", pending, now));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("21");
        assertThat(response.getBody().getTitle()).isEqualTo("Submission not confirmed yet");
        assertThat(response.getBody().getProperties()).containsEntry("submission", "pending").containsEntry("id", "id-1");
    }

    @Test
    void aFailedOutcomeIsFinal() {
        ResponseEntity<ProblemDetail> response = handler.unconfirmedTask(
                new UnconfirmedTaskException("id-1", new SubmissionOutcome.Failed("broker away"), Instant.now()));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(response.getBody().getTitle()).isEqualTo("Task not submitted");
        assertThat(response.getBody().getDetail()).contains("broker away", "submit again");
    }
}
