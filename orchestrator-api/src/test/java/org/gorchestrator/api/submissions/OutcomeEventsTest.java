package org.gorchestrator.api.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.validation.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;

class OutcomeEventsTest {
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
    private final SubmitRequest request = SubmitRequest.read("""
            {"specversion": "1.0", "id": "r-1", "source": "/billing", "type": "org.gorchestrator.workflow.submit.v1", "data": {}}"""
            .getBytes(StandardCharsets.UTF_8)).orElseThrow();

    @Test
    void anAcceptedSubmissionIsACloudEventKeyedByTheRequestAndNamingTheWorkflow() {
        ProducerRecord<String, byte[]> record = OutcomeEvents.record("events", request, new Outcome.Accepted("w-1", false), AT);
        JsonNode event = Json.mapper().readTree(record.value());
        assertThat(record.key()).isEqualTo("r-1");
        assertThat(header(record, OutcomeEvents.TYPE_HEADER)).isEqualTo(OutcomeEvents.ACCEPTED);
        assertThat(header(record, CloudEventSerde.CONTENT_TYPE_HEADER)).isEqualTo("application/cloudevents+json");
        assertThat(event.get("type").asString()).isEqualTo(OutcomeEvents.ACCEPTED);
        assertThat(event.get("subject").asString()).isEqualTo("w-1");
        assertThat(event.get("data").get("request_id").asString()).isEqualTo("r-1");
        assertThat(event.get("data").get("request_source").asString()).isEqualTo("/billing");
        assertThat(event.get("data").get("workflow_id").asString()).isEqualTo("w-1");
        assertThat(new CloudEventSerde().deserialize("events", record.value())).as("no workflow event to the conductor's readers").isNull();
    }

    @Test
    void aRejectedSubmissionCarriesTheProblemAndItsViolationsAndTheSameIdOnEveryDelivery() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "nodes[0].engine: unknown engine 'x'");
        problem.setTitle("Invalid document");
        problem.setProperty("violations", List.of(new Violation("nodes[0].engine", "unknown engine 'x'")));
        JsonNode event = Json.mapper().readTree(OutcomeEvents.record("events", request, new Outcome.Rejected(problem), AT).value());
        JsonNode again = Json.mapper().readTree(OutcomeEvents.record("events", request, new Outcome.Rejected(problem), AT.plusSeconds(5)).value());
        assertThat(event.get("type").asString()).isEqualTo(OutcomeEvents.REJECTED);
        assertThat(event.get("data").get("status").asInt()).isEqualTo(400);
        assertThat(event.get("data").get("violations").get(0).get("field").asString()).isEqualTo("nodes[0].engine");
        assertThat(again.get("id")).isEqualTo(event.get("id"));
    }

    @Test
    void aRequestsWorkflowDependsOnItsSourceAndId() {
        SubmitRequest other = new SubmitRequest("r-1", "/shipping", SubmitRequest.TYPE, null);
        assertThat(request.key()).isEqualTo(new SubmitRequest("r-1", "/billing", SubmitRequest.TYPE, null).key());
        assertThat(other.key()).isNotEqualTo(request.key());
        assertThat(SubmitRequest.read("{\"id\": \"r-1\"}".getBytes(StandardCharsets.UTF_8))).as("no source: nobody to answer").isEmpty();
        assertThat(SubmitRequest.read("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
