package org.gorchestrator.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the nodes recorded in the executions file: the starts and ends of every (workflow, node, attempt). */
final class Executions {
    /** One attempt of one node of one workflow. */
    record Key(String workflow, int node, int attempt) {
        String workflowNode() {
            return workflow + "/" + node;
        }
    }

    /** Every time {@code key} started and finished its work, in order. */
    record Runs(Key key, List<Instant> starts, List<Instant> ends) {
        Instant firstStart() {
            return starts.get(0);
        }

        /** Whether its first run had finished its work before {@code time}. */
        boolean firstEndedBefore(Instant time) {
            return !ends.isEmpty() && ends.get(0).isBefore(time);
        }
    }

    private final Map<Key, Runs> runs;

    private Executions(Map<Key, Runs> runs) {
        this.runs = runs;
    }

    static Executions read(Path file) {
        Map<Key, Runs> runs = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            if (f.length != 5) {
                continue; // a line cut by a kill of the whole tree: it recorded nothing complete
            }
            Key key = new Key(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]));
            Runs r = runs.computeIfAbsent(key, k -> new Runs(k, new ArrayList<>(), new ArrayList<>()));
            (f[0].equals("S") ? r.starts() : r.ends()).add(Instant.ofEpochMilli(Long.parseLong(f[4])));
        }
        runs.values().forEach(r -> {
            r.starts().sort(null);
            r.ends().sort(null);
        });
        return new Executions(runs);
    }

    List<Runs> runs() {
        return runs.values().stream().filter(r -> !r.starts().isEmpty()).toList();
    }

    /** How many (workflow, node, attempt) ran how many times: {1=118, 2=2}. */
    SortedMap<Integer, Long> perAttempt() {
        return histogram(runs(), r -> r.starts().size());
    }

    /** How many (workflow, node) ran how many times, all attempts together. */
    SortedMap<Integer, Long> perNode() {
        Map<String, Integer> perNode = runs().stream().collect(Collectors.groupingBy(r -> r.key().workflowNode(),
                Collectors.summingInt(r -> r.starts().size())));
        return histogram(List.copyOf(perNode.values()), n -> n);
    }

    private static <T> SortedMap<Integer, Long> histogram(List<T> items, Function<T, Integer> count) {
        return items.stream().collect(Collectors.groupingBy(count, TreeMap::new, Collectors.counting()));
    }

    static String format(SortedMap<Integer, Long> histogram) {
        return histogram.isEmpty() ? "-" : histogram.entrySet().stream().map(e -> e.getValue() + "×" + e.getKey()).collect(Collectors.joining(", "));
    }
}
