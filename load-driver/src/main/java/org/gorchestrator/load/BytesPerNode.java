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
 * {@link LogSizes} reads, in bytes and in records, over the nodes the run finished. A compacted topic the broker cleaned
 * during the run can show fewer bytes than were written, even fewer than none; its records are all counted.
 *
 * @param nodes         nodes the run finished
 * @param bytesAdded    topic name to the bytes its log grew by
 * @param recordsAdded  topic name to the records appended to it, transaction markers included
 */
public record BytesPerNode(long nodes, Map<String, Long> bytesAdded, Map<String, Long> recordsAdded) {
    /** Nothing measured: the run had no broker to read. */
    public static final BytesPerNode NONE = new BytesPerNode(0, Map.of(), Map.of());

    public BytesPerNode {
        Objects.requireNonNull(bytesAdded, "bytesAdded");
        Objects.requireNonNull(recordsAdded, "recordsAdded");
        if (nodes < 0) {
            throw new IllegalArgumentException("nodes must be >= 0, was " + nodes);
        }
        bytesAdded = Map.copyOf(bytesAdded);
        recordsAdded = Map.copyOf(recordsAdded);
    }

    /** The growth of every topic in {@code before} or {@code after} (a topic created in between grew from nothing). */
    static BytesPerNode between(LogSizes.Totals before, LogSizes.Totals after, long nodes) {
        return new BytesPerNode(nodes, growth(before.bytes(), after.bytes()), growth(before.records(), after.records()));
    }

    private static Map<String, Long> growth(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new LinkedHashMap<>();
        TreeSet<String> topics = new TreeSet<>(before.keySet());
        topics.addAll(after.keySet());
        for (String topic : topics) {
            long grown = after.getOrDefault(topic, 0L) - before.getOrDefault(topic, 0L);
            if (grown != 0) {
                added.put(topic, grown);
            }
        }
        return added;
    }

    public boolean measured() {
        return nodes > 0;
    }

    public long totalBytes() {
        return bytesAdded.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalRecords() {
        return recordsAdded.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records per node of {@code topic}, or of every topic together for {@code null}. */
    public double recordsPerNode(String topic) {
        long records = topic == null ? totalRecords() : recordsAdded.getOrDefault(topic, 0L);
        return nodes == 0 ? 0 : (double) records / nodes;
    }

    /** Bytes per node of {@code topic}, or of every topic together for {@code null}. */
    public double perNode(String topic) {
        long bytes = topic == null ? totalBytes() : bytesAdded.getOrDefault(topic, 0L);
        return nodes == 0 ? 0 : (double) bytes / nodes;
    }

    /** The topics, the one that grew most in bytes first, then those that grew in records only. */
    List<String> topicsByGrowth() {
        TreeSet<String> topics = new TreeSet<>(bytesAdded.keySet());
        topics.addAll(recordsAdded.keySet());
        return topics.stream().sorted(Comparator.comparing((String t) -> -bytesAdded.getOrDefault(t, 0L))
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** A Markdown table: each topic's growth, bytes and records per node, then the total. */
    String table(String title) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "%s: %,d nodes%n| topic | bytes added | bytes per node | records per node |%n|---|---:|---:|---:|%n", title, nodes));
        for (String topic : topicsByGrowth()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,.1f | %.3f |%n", topic, bytesAdded.getOrDefault(topic, 0L), perNode(topic),
                    recordsPerNode(topic)));
        }
        return md.append(String.format(Locale.ROOT, "| **total** | %,d | **%,.1f** | **%.3f** |%n", totalBytes(), perNode(null),
                recordsPerNode(null))).toString();
    }
}
