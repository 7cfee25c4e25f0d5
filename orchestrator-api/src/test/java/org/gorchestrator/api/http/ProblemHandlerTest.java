package org.gorchestrator.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
                new BrokerUnavailableException("id-1", "the broker did not acknowledge within 10 ms", null));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().getProperties()).containsEntry("id", "id-1");
    }
}
