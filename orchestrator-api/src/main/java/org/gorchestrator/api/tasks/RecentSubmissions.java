package org.gorchestrator.api.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gorchestrator.model.Graph;

/**
 * The workflows this instance accepted a moment ago, so that a read right after a submit finds
 * them before the view has caught up. Bounded in count and age: the view is the real answer.
 */
public final class RecentSubmissions {
    private record Entry(Graph graph, Instant acceptedAt) {}

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries;

    public RecentSubmissions(int capacity, Duration ttl, Clock clock) {
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers an accepted workflow; its {@code id} must be set. */
    public synchronized void remember(Graph graph) {
        entries.put(graph.id(), new Entry(graph, clock.instant()));
    }

    public synchronized Optional<Graph> find(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.acceptedAt().plus(ttl).isBefore(clock.instant())) {
            entries.remove(id);
            return Optional.empty();
        }
        return Optional.of(entry.graph());
    }
}
