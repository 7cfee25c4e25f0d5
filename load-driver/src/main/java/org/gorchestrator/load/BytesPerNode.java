package org.gorchestrator.load;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What one run added to each topic on the broker, and per node run: the growth of each topic's log between two
 * {@link LogSizes} reads, over the nodes the run finished. A compacted topic the broker cleaned during the run can
 * show less than was written, even less than nothing.
 *
 * @param nodes       nodes the run finished
 * @param bytesAdded  topic name to the bytes its log grew by, largest first
 */
public record BytesPerNode(long nodes, Map<String, Long> bytesAdded) {
    /** Nothing measured: the run had no broker to read. */
    public static final BytesPerNode NONE = new BytesPerNode(0, Map.of());

    public BytesPerNode {
        Objects.requireNonNull(bytesAdded, "bytesAdded");
        if (nodes < 0) {
            throw new IllegalArgumentException("nodes must be >= 0, was " + nodes);
        }
        bytesAdded = Map.copyOf(bytesAdded);
    }

    /** The growth of every topic in {@code before} or {@code after} (a topic created in between grew from nothing). */
    static BytesPerNode between(Map<String, Long> before, Map<String, Long> after, long nodes) {
        Map<String, Long> added = new LinkedHashMap<>();
        TreeSet<String> topics = new TreeSet<>(before.keySet());
        topics.addAll(after.keySet());
        for (String topic : topics) {
            long grown = after.getOrDefault(topic, 0L) - before.getOrDefault(topic, 0L);
            if (grown != 0) {
                added.put(topic, grown);
            }
        }
        return new BytesPerNode(nodes, added);
    }

    public boolean measured() {
        return nodes > 0;
    }

    public long totalBytes() {
        return bytesAdded.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bytes per node of {@code topic}, or of every topic together for {@code null}. */
    public double perNode(String topic) {
        long bytes = topic == null ? totalBytes() : bytesAdded.getOrDefault(topic, 0L);
        return nodes == 0 ? 0 : (double) bytes / nodes;
    }

    /** The topics, the one that grew most first. */
    List<String> topicsByGrowth() {
        return bytesAdded.keySet().stream()
                .sorted(Comparator.comparing((String t) -> -bytesAdded.get(t)).thenComparing(Comparator.naturalOrder())).toList();
    }

    /** A Markdown table: each topic's growth and bytes per node, then the total. */
    String table(String title) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%s: %,d nodes%n| topic | bytes added | bytes per node |%n|---|---:|---:|%n",
                title, nodes));
        for (String topic : topicsByGrowth()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,.1f |%n", topic, bytesAdded.get(topic), perNode(topic)));
        }
        return md.append(String.format(Locale.ROOT, "| **total** | %,d | **%,.1f** |%n", totalBytes(), perNode(null))).toString();
    }
}
