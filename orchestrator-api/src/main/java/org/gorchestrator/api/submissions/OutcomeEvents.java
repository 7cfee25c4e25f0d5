package org.gorchestrator.api.submissions;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.events.CloudEvent;
import org.gorchestrator.kafka.events.CloudEvents;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.model.DerivedIds;

/**
 * The outcome of a Kafka-native submission as a CloudEvent on the workflow events topic, keyed by the request's
 * {@code id} (its correlation) and carrying the request's id and source in its data. Its {@code id} is derived from the
 * request, so the outcome of a redelivered request is a duplicate a reader drops. The {@code ce_type} header lets a
 * reader that routes by type (the API's view among them) pass it by without parsing it.
 */
public final class OutcomeEvents {
    public static final String ACCEPTED = "org.gorchestrator.submission.accepted.v1";
    public static final String REJECTED = "org.gorchestrator.submission.rejected.v1";
    /** The CloudEvents Kafka binding's header for the type. */
    public static final String TYPE_HEADER = "ce_type";
    /** The prefix of every submission outcome's type. */
    public static final String PREFIX = "org.gorchestrator.submission.";
    static final String SOURCE = "/gorchestrator/api";
    static final URI SCHEMA = URI.create("urn:gorchestrator:events:submission-outcome.v1");

    private OutcomeEvents() {}

    public static ProducerRecord<String, byte[]> record(String topic, SubmitRequest request, Outcome outcome, Instant at) {
        String type = outcome instanceof Outcome.Accepted ? ACCEPTED : REJECTED;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("request_id", request.id());
        data.put("request_source", request.source());
        String subject = request.id();
        if (outcome instanceof Outcome.Accepted accepted) {
            data.put("workflow_id", accepted.workflowId());
            data.put("replayed", accepted.replayed());
            subject = accepted.workflowId();
        } else if (outcome instanceof Outcome.Rejected rejected) {
            data.put("status", rejected.problem().getStatus());
            data.put("title", rejected.problem().getTitle());
            data.put("detail", rejected.problem().getDetail());
            Map<String, Object> properties = rejected.problem().getProperties();
            data.put("violations", properties == null ? List.of() : properties.getOrDefault("violations", List.of()));
        }
        String id = "submission/" + DerivedIds.of(request.source() + "\n" + request.id()) + "/" + type;
        CloudEvent event = new CloudEvent(CloudEvents.SPEC_VERSION, id, SOURCE, type, subject, at, CloudEvents.DATA_CONTENT_TYPE,
                SCHEMA, Json.mapper().valueToTree(data));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, request.id(), Json.write(event));
        CloudEventSerde.markStructured(record.headers());
        record.headers().add(TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
