package org.gorchestrator.kafka.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowEvent;
import tools.jackson.core.JacksonException;

/**
 * Kafka serde for {@code gorch.workflow-events}: writes each {@link WorkflowEvent} as a CloudEvents
 * 1.0 structured-mode JSON event with the header {@code content-type: application/cloudevents+json},
 * and reads it back into the same {@link WorkflowEvent}. Null is a tombstone.
 *
 * <p>The topic also carries events that are no workflow's state change (the outcomes of Kafka-native submissions) and
 * may carry types a later version adds: such an event reads as null, like a tombstone, so every reader skips it
 * instead of failing on it.
 */
public final class CloudEventSerde implements Serde<WorkflowEvent>, Serializer<WorkflowEvent>, Deserializer<WorkflowEvent> {
    public static final String CONTENT_TYPE_HEADER = "content-type";
    private static final byte[] CONTENT_TYPE = CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    /** Marks a record as a structured-mode CloudEvent: one {@code content-type} header, {@link CloudEvents#CONTENT_TYPE}. */
    public static void markStructured(Headers headers) {
        headers.remove(CONTENT_TYPE_HEADER);
        headers.add(CONTENT_TYPE_HEADER, CONTENT_TYPE);
    }

    @Override
    public byte[] serialize(String topic, WorkflowEvent event) {
        return event == null ? null : CloudEvents.write(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, WorkflowEvent event) {
        if (event != null) {
            markStructured(headers);
        }
        return serialize(topic, event);
    }

    @Override
    public WorkflowEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            CloudEvent event = Json.read(data, CloudEvent.class);
            return event != null && EventType.find(event.type()).isPresent() ? CloudEvents.unwrap(event) : null;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SerializationException("not a workflow CloudEvent on " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // the mapping is fixed: nothing to configure
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public Serializer<WorkflowEvent> serializer() {
        return this;
    }

    @Override
    public Deserializer<WorkflowEvent> deserializer() {
        return this;
    }
}
