package org.gorchestrator.load;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The requests the broker answered during one run, by type, and per node run: the growth of its counters between two
 * {@link BrokerRequests} reads, over the nodes the run finished. Everything on the broker counts, the system's clients
 * and the broker's own requests to itself (transaction markers, its coordinators) alike.
 *
 * @param nodes nodes the run finished
 * @param added request type to the requests of that type the broker answered during the run
 */
public record RequestsPerNode(long nodes, Map<String, Long> added) {
    /** Nothing measured: the run had no broker JMX to read. */
    public static final RequestsPerNode NONE = new RequestsPerNode(0, Map.of());

    public RequestsPerNode {
        Objects.requireNonNull(added, "added");
        if (nodes < 0) {
            throw new IllegalArgumentException("nodes must be >= 0, was " + nodes);
        }
        added = Map.copyOf(added);
    }

    /** The growth of every counter in {@code after} (one that appeared in between grew from nothing). */
    static RequestsPerNode between(Map<String, Long> before, Map<String, Long> after, long nodes) {
        Map<String, Long> added = new HashMap<>();
        after.forEach((type, count) -> {
            long grown = count - before.getOrDefault(type, 0L);
            if (grown > 0) {
                added.put(type, grown);
            }
        });
        return new RequestsPerNode(nodes, added);
    }

    public boolean measured() {
        return nodes > 0;
    }

    /** The requests of every type together. */
    public long total() {
        return added.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests per node of {@code type}, or of every type together for {@code null}. */
    public double perNode(String type) {
        long count = type == null ? total() : added.getOrDefault(type, 0L);
        return nodes == 0 ? 0 : (double) count / nodes;
    }

    /** A Markdown table: each type, the most frequent first, then the total. */
    String table(String title) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "%s: %,d nodes%n| request | requests | per node |%n|---|---:|---:|%n", title, nodes));
        added.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %,d | %.3f |%n", e.getKey(), e.getValue(), perNode(e.getKey()))));
        return md.append(String.format(Locale.ROOT, "| **total** | %,d | **%.3f** |%n", total(), perNode(null))).toString();
    }
}
