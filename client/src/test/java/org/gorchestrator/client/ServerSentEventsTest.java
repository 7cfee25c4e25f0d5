package org.gorchestrator.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gorchestrator.client.ServerSentEvents.Event;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    @Test
    void eventsEndAtABlankLineWithTheirNameAndDataLines() {
        List<Event> events = read(":keep-alive", "", "event:stdout", "data:one", "data: two", "data:  three", "", "data:plain", "",
                "event:end", "data:last", "");

        assertThat(events).containsExactly(
                new Event("stdout", List.of("one", "two", " three")),
                new Event("message", List.of("plain")),
                new Event("end", List.of("last")));
    }

    @Test
    void anEventWithoutDataAndOtherFieldsAreSkipped() {
        assertThat(read("event:stdout", "", "id:7", "retry:100", "data", "")).containsExactly(new Event("message", List.of("")));
    }

    private static List<Event> read(String... lines) {
        ServerSentEvents parser = new ServerSentEvents();
        List<Event> events = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }
}
