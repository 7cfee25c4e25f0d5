package org.gorchestrator.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.record.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.utils.Utils;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import tools.jackson.core.JacksonException;

/**
 * Where a hand-off's time goes, read from the broker's own log files ({@code --broker-logs}, a broker on this machine):
 * from a node's finish (its worker's clock) to the commit marker that made its successor's command visible to the workers
 * (the broker's clock: the report's way to the conductor, the decision, the wait for the commit and the commit), and
 * from that marker to the successor's start on a worker (the worker's fetch and its pool). Nothing else records the
 * moment a command becomes visible: the workers read committed records only, and a control batch's timestamp is when
 * the broker appended the marker.
 *
 * <p>A command counts when its {@code at}, the time of the input that dispatched it, is a reported finish (so roots and
 * retries do not), it is not older than {@code from}, and its attempt's report is in the log.
 *
 * @param toVisible   from a node's finish to the commit marker after its successor's command
 * @param toStart     from that marker to the successor's start
 */
public record HandOffSplit(Latencies toVisible, Latencies toStart) {
    /** Nothing measured: the run had no broker log to read. */
    public static final HandOffSplit NONE = new HandOffSplit(Latencies.ofMicros(new long[0]), Latencies.ofMicros(new long[0]));
    static final String COMMANDS = "gorch.node-commands";
    static final String EVENTS = "gorch.node-events";

    /** The split of the hand-offs whose command was dispatched at or after {@code from}, from the log directory {@code dir}. */
    static HandOffSplit read(Path dir, Instant from) {
        Map<String, Instant> started = new HashMap<>();
        Set<Instant> finishes = new HashSet<>();
        for (Path partition : partitions(dir, EVENTS)) {
            eachBatch(partition, batch -> {
                for (Record record : batch) {
                    NodeEvent event = batch.isControlBatch() ? null : read(record, NodeEvent.class);
                    Instant start = event == null ? null : startOf(event);
                    if (start != null) {
                        started.put(attempt(event.workflowId(), event.nodeId(), event.attempt()), start);
                        finishes.add(event.at());
                    }
                }
            });
        }
        List<long[]> split = new ArrayList<>();
        for (Path partition : partitions(dir, COMMANDS)) {
            List<NodeCommand> awaitingMarker = new ArrayList<>();
            eachBatch(partition, batch -> {
                if (batch.isControlBatch()) {
                    Instant visible = Instant.ofEpochMilli(batch.maxTimestamp());
                    for (NodeCommand command : awaitingMarker) {
                        Instant start = started.get(attempt(command.workflowId(), command.nodeId(), command.attempt()));
                        if (start != null) {
                            split.add(new long[] {micros(command.at(), visible), micros(visible, start)});
                        }
                    }
                    awaitingMarker.clear();
                    return;
                }
                for (Record record : batch) {
                    NodeCommand command = read(record, NodeCommand.class);
                    if (command != null && !command.at().isBefore(from) && finishes.contains(command.at())) {
                        awaitingMarker.add(command);
                    }
                }
            });
        }
        return new HandOffSplit(Latencies.ofMicros(split.stream().mapToLong(s -> s[0]).toArray()),
                Latencies.ofMicros(split.stream().mapToLong(s -> s[1]).toArray()));
    }

    public boolean measured() {
        return toVisible.count() > 0;
    }

    /** A Markdown table of the two parts. */
    String table(String title) {
        return String.format(Locale.ROOT, "%s: %,d hand-offs%n| part | p50 / p95 / p99 / max ms |%n|---|---:|%n| %s | %s |%n| %s | %s |%n",
                title, toVisible.count(), "finish → command visible (commit marker)", ms(toVisible), "visible → successor's start", ms(toStart));
    }

    private static String ms(Latencies l) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", l.p50(), l.p95(), l.p99(), l.max());
    }

    private static Instant startOf(NodeEvent event) {
        if (event instanceof NodeEvent.Succeeded done) {
            return done.startedAt();
        }
        if (event instanceof NodeEvent.Failed failed) {
            return failed.startedAt();
        }
        return event instanceof NodeEvent.TimedOut timedOut ? timedOut.startedAt() : null;
    }

    private static String attempt(String workflowId, int nodeId, int attempt) {
        return workflowId + "/" + nodeId + "/" + attempt;
    }

    private static long micros(Instant from, Instant to) {
        // clocks of one machine; a marker's millisecond may round below the finish
        return Math.max(0, Duration.between(from, to).toNanos() / 1_000);
    }

    /** The record's value as {@code type}; null for none, or for another version's record or one not of this topic. */
    private static <T> T read(Record record, Class<T> type) {
        if (!record.hasValue()) {
            return null;
        }
        try {
            return Json.read(Utils.toArray(record.value()), type);
        } catch (JacksonException notOneOfOurs) {
            return null;
        }
    }

    /** Each batch of the partition's segments, oldest first. */
    private static void eachBatch(Path partition, Consumer<FileChannelRecordBatch> visitor) {
        try (Stream<Path> files = Files.list(partition)) {
            for (Path segment : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                    records.batches().forEach(visitor);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the broker's log " + partition, e);
        }
    }

    /** The directories of the topic's partitions ({@code topic-0}, {@code topic-1}, …). */
    private static List<Path> partitions(Path dir, String topic) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches(Pattern.quote(topic) + "-\\d+")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the broker's log directory " + dir, e);
        }
    }
}
