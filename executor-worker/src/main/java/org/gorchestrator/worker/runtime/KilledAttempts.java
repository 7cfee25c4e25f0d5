package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attempts this worker was told to kill, each remembered for a while, so that a command that
 * comes after its kill does not start. At most {@code capacity} are remembered, the oldest forgotten
 * first. Not thread-safe; times are {@link System#nanoTime()} values.
 */
final class KilledAttempts {
    private final long memoryNanos;
    private final int capacity;
    private final LinkedHashMap<AttemptId, Long> expiries = new LinkedHashMap<>(); // oldest first

    KilledAttempts(Duration memory, int capacity) {
        this.memoryNanos = memory.toNanos();
        this.capacity = capacity;
    }

    void add(AttemptId attempt, long now) {
        expiries.remove(attempt);
        expiries.put(attempt, now + memoryNanos);
        forgetOld(now);
    }

    boolean contains(AttemptId attempt, long now) {
        forgetOld(now);
        return expiries.containsKey(attempt);
    }

    int size() {
        return expiries.size();
    }

    private void forgetOld(long now) {
        Iterator<Map.Entry<AttemptId, Long>> oldestFirst = expiries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<AttemptId, Long> oldest = oldestFirst.next();
            if (expiries.size() <= capacity && oldest.getValue() - now > 0) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
