package org.gorchestrator.kafka.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured mode: the attributes and the JSON {@code data} in one
 * JSON object, as written on {@code gorch.workflow-events}. The component names are the
 * attribute names, so the record maps onto the JSON as it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data"})
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        URI dataschema,
        JsonNode data) {

    public CloudEvent {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
