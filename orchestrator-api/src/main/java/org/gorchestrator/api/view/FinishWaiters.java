package org.gorchestrator.api.view;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reads waiting for a workflow to finish, woken by the view when it stores a finished state of the
 * workflow or removes it. An update nobody waits for costs one map lookup; one somebody waits for is
 * read only as far as its top-level {@code state}. Waiters are woken on the view's thread, so waking
 * only completes futures: whoever waits does its work elsewhere.
 */
public final class FinishWaiters {
    private final Map<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final int max;
    private volatile boolean stopping;

    /** @param max most reads waiting at once */
    public FinishWaiters(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        this.max = max;
    }

    /**
     * Completes when the view stores a finished state of the workflow or removes it, or when {@code wait}
     * has passed, whichever comes first; cancel it to stop waiting sooner. Once done, it has left the registry.
     *
     * @throws TooManyWaitingReadsException when {@code max} reads wait already
     */
    public CompletableFuture<Void> await(String id, Duration wait) {
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            throw new TooManyWaitingReadsException(max);
        }
        CompletableFuture<Void> woken = new CompletableFuture<>();
        // compute, not computeIfAbsent(...).add: a set emptied and removed by leave() must not take the waiter with it
        waiting.compute(id, (key, set) -> {
            Set<CompletableFuture<Void>> waiters = set != null ? set : ConcurrentHashMap.newKeySet();
            waiters.add(woken);
            return waiters;
        });
        woken.whenComplete((ignored, cancelled) -> leave(id, woken));
        if (stopping) { // registered after wakeAll() walked the registry
            woken.complete(null);
        }
        return woken.completeOnTimeout(null, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The server is stopping: wakes every waiting read, and from now on every new one at once, so that
     * each answers with what it has instead of holding the shutdown until its wait ends.
     */
    public void wakeAll() {
        stopping = true;
        waiting.values().forEach(waiters -> waiters.forEach(waiter -> waiter.complete(null)));
    }

    /** Called by the view once it has stored the workflow's document, or removed the workflow ({@code document} null). */
    void stored(String id, byte[] document) {
        Set<CompletableFuture<Void>> waiters = waiting.get(id);
        if (waiters != null && (document == null || isFinished(document))) {
            waiters.forEach(waiter -> waiter.complete(null));
        }
    }

    /** How many reads wait now (walks the registry: for tests and monitoring). */
    public int size() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    private void leave(String id, CompletableFuture<Void> waiter) {
        waiting.computeIfPresent(id, (key, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
        count.decrementAndGet();
    }

    private static boolean isFinished(byte[] document) {
        try {
            return TopLevelState.of(document).isFinished();
        } catch (RuntimeException unreadable) {
            return true; // the woken reads answer what a plain read of it answers
        }
    }
}
