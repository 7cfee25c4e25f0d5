package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client: reads the events of one response on a thread of its own. */
final class EventStream implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Put after the last event when the server closes the stream. */
    static final Event CLOSED = new Event("(closed)", List.of());

    record Event(String name, List<String> data) {}

    /** An event with the SSE id it came with (null for none). */
    private record Received(Event event, String id) {}

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private volatile String lastId;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(ApiClient api, String path) {
        return open(api, path, null);
    }

    /** With the Last-Event-ID a client that comes back sends, unless null. */
    static EventStream open(ApiClient api, String path, String lastEventId) {
        try {
            java.net.http.HttpRequest.Builder request = api.request(path).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            return new EventStream(HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new IllegalStateException("could not open " + path, e);
        }
    }

    int status() {
        return response.statusCode();
    }

    /** The next event, or {@link #CLOSED}; fails when none comes in time. */
    Event next() throws InterruptedException {
        Received received = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(received).as("an event within " + PATIENCE).isNotNull();
        lastId = received.id();
        return received.event();
    }

    /** The SSE id of the event {@link #next()} returned last (null for none). */
    String lastId() {
        return lastId;
    }

    private void read() {
        String name = "message";
        String id = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Received(new Event(name, List.copyOf(data)), id));
                    }
                    name = "message";
                    id = null;
                    data.clear();
                } else if (line.startsWith("event:")) {
                    name = value(line, "event:");
                } else if (line.startsWith("id:")) {
                    id = value(line, "id:");
                } else if (line.startsWith("data:")) {
                    data.add(value(line, "data:"));
                }
            }
        } catch (java.io.UncheckedIOException closedByTheTest) {
            // close() ends the read
        } finally {
            events.add(new Received(CLOSED, null));
        }
    }

    private static String value(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
