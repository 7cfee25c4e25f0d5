package org.gorchestrator.conductor.schedules;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.events.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a {@link RunEvent} from a workflow CloudEvent without binding it. The run watcher sees every event of every
 * workflow, nearly all of them node changes it ignores, so decoding each one whole (its node, or a submitted
 * document's every node) cost more of the conductor's thread than deciding on them did. Instead, a streaming parser
 * reads the envelope's {@code type}, stops at once for every other type, and for a submission walks only to
 * {@code data.template.schedule}, skipping the rest unparsed into objects.
 */
final class RunEventDeserializer implements Deserializer<RunEvent> {
    private static final String SUBMITTED = EventType.WORKFLOW_SUBMITTED.type();
    /** A run of a template of more nodes than a state record holds whole: its document without nodes, its template too. */
    private static final String SUBMITTED_IN_PARTS = EventType.WORKFLOW_SUBMITTED_IN_PARTS.type();
    private static final String FINISHED = EventType.WORKFLOW_FINISHED.type();
    private static final RunEvent.Finished FINISHED_EVENT = new RunEvent.Finished();

    @Override
    public RunEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (JsonParser parser = Json.mapper().createParser(data)) {
            return read(parser);
        } catch (JacksonException e) {
            throw new SerializationException("not a workflow CloudEvent on " + topic + ": " + e.getOriginalMessage(), e);
        }
    }

    private static RunEvent read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String type = null;
        String schedule = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                type = parser.getString();
                if (FINISHED.equals(type)) {
                    return FINISHED_EVENT;
                }
                if (!isSubmitted(type)) {
                    return null;
                }
            } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                schedule = scheduleOf(parser);
            } else {
                parser.skipChildren();
            }
        }
        return isSubmitted(type) && schedule != null ? new RunEvent.Scheduled(schedule) : null;
    }

    private static boolean isSubmitted(String type) {
        return SUBMITTED.equals(type) || SUBMITTED_IN_PARTS.equals(type);
    }

    /** Reads a submitted document, positioned at its start, to its end: its {@code template.schedule}, if any. */
    private static String scheduleOf(JsonParser parser) {
        String schedule = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("template")) {
                schedule = stringProperty(parser, "schedule");
            } else {
                parser.skipChildren();
            }
        }
        return schedule;
    }

    /** Reads an object, positioned at its start, to its end: its string property {@code wanted}, if any. */
    private static String stringProperty(JsonParser parser, String wanted) {
        String found = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_STRING && name.equals(wanted)) {
                found = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }
}
