package org.gorchestrator.api.view;

import org.gorchestrator.json.Json;
import org.gorchestrator.model.State;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** The graph's {@code state} read from a document's JSON without decoding the rest: it stops at the field. */
final class TopLevelState {
    private static final String FIELD = "state";

    private TopLevelState() {}

    /**
     * @throws tools.jackson.core.JacksonException when the bytes are not a JSON object
     * @throws IllegalArgumentException            when the state is no state
     */
    static State of(byte[] document) {
        try (JsonParser parser = Json.mapper().createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a document is a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                JsonToken value = parser.nextToken();
                if (FIELD.equals(parser.currentName())) {
                    return State.parse(value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : parser.getString());
                }
                parser.skipChildren();
            }
            return State.INITIAL; // what a Graph without a state reads as
        }
    }
}
