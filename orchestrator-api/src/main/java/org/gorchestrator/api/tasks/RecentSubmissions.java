package org.gorchestrator.api.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;

/**
 * The workflows this instance accepted a moment ago, so that a read right after a submit finds
 * them before the view has caught up. The view is the real answer (a read this misses waits for
 * it), so each workflow is kept as its JSON, only until the view shows it, and within a budget of
 * bytes and an age: a burst of large documents must not fill the heap.
 */
public final class RecentSubmissions {
    private record Entry(byte[] json, Instant acceptedAt) {}

    private final long maxBytes;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(); // oldest first
    private long bytes;

    public RecentSubmissions(long maxBytes, Duration ttl, Clock clock) {
        this.maxBytes = maxBytes;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Remembers an accepted workflow, unless its JSON alone is over the budget; its {@code id} must be set. */
    public void remember(Graph graph) {
        byte[] json = Json.write(graph);
        synchronized (this) {
            forget(graph.id());
            if (json.length <= maxBytes) {
                entries.put(graph.id(), new Entry(json, clock.instant()));
                bytes += json.length;
            }
            evict();
        }
    }

    public Optional<Graph> find(String id) {
        Entry entry;
        synchronized (this) {
            evict();
            entry = entries.get(id);
        }
        return Optional.ofNullable(entry).map(found -> Json.read(found.json(), Graph.class));
    }

    /** Drops the workflow, once the view shows it. */
    public synchronized void forget(String id) {
        Entry removed = entries.remove(id);
        if (removed != null) {
            bytes -= removed.json().length;
        }
    }

    /** Drops the oldest entries while the budget is exceeded or they have expired. */
    private void evict() {
        Instant expiredBefore = clock.instant().minus(ttl);
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry oldest = oldestFirst.next();
            if (bytes <= maxBytes && !oldest.acceptedAt().isBefore(expiredBefore)) {
                return;
            }
            bytes -= oldest.json().length;
            oldestFirst.remove();
        }
    }
}
