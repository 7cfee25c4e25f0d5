package org.gorchestrator.load;

import java.util.Arrays;

/** Percentiles of a set of latencies, in milliseconds (nearest rank); all zero when there were none. */
public record Latencies(int count, double p50, double p95, double p99, double max) {

    public static Latencies ofMicros(long[] micros) {
        if (micros.length == 0) {
            return new Latencies(0, 0, 0, 0, 0);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e3);
    }

    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e3;
    }
}
