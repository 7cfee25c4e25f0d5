package org.gorchestrator.worker.driver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Lets another thread stop a running attempt. Drivers wait on it alongside their own work. */
public final class Cancellation {
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
    private volatile boolean abandoned;

    public void cancel() {
        cancelled.complete(null);
    }

    /**
     * Cancels because the worker gives the attempt up (it is shutting down): the attempt is not
     * reported, and its command stays uncommitted so that another worker runs it again.
     */
    public void abandon() {
        abandoned = true;
        cancel();
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /** Completes when the attempt is cancelled. */
    public CompletableFuture<Void> whenCancelled() {
        return cancelled.copy();
    }

    /** Waits up to {@code limit} for a cancel. @return true if cancelled */
    public boolean await(Duration limit) throws InterruptedException {
        try {
            cancelled.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a cancellation never fails", e);
        }
    }
}
