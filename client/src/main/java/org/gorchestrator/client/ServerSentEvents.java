package org.gorchestrator.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text/event-stream line by line, as the HTML living standard's parser does: an event is the {@code event} and
 * {@code data} fields up to a blank line, one leading space of a value is dropped, comments and other fields are skipped,
 * and an event without data is none.
 */
final class ServerSentEvents {
    private static final String DEFAULT_NAME = "message";

    /** One event: its name and its data lines. */
    record Event(String name, List<String> data) {
        Event {
            data = List.copyOf(data);
        }
    }

    private String name = DEFAULT_NAME;
    private final List<String> data = new ArrayList<>();

    /** The event this line completes, if it is the blank line that ends one. */
    Optional<Event> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            data.add(value);
        }
        return Optional.empty();
    }

    private Optional<Event> dispatch() {
        // as the standard says, an event without data is no event
        Optional<Event> event = data.isEmpty() ? Optional.empty() : Optional.of(new Event(name, data));
        name = DEFAULT_NAME;
        data.clear();
        return event;
    }
}
