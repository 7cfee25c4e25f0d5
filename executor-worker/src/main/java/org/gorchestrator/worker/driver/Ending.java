package org.gorchestrator.worker.driver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How a driver's wait for its work (a process, a remote command, an Engine API call) ended. */
public enum Ending {
    /** The work ended by itself. */
    ENDED,
    TIMED_OUT,
    /** The attempt was cancelled, or the waiting thread interrupted. */
    CANCELED;

    /**
     * Waits until {@code end} completes, the attempt is cancelled or {@code limit} passes; in the
     * latter two cases runs {@code stop} before returning.
     */
    public static Ending await(CompletableFuture<?> end, Cancellation cancellation, Duration limit, Runnable stop) {
        Ending ending = waitFor(end, cancellation, limit);
        if (ending != ENDED) {
            stop.run();
        }
        return ending;
    }

    private static Ending waitFor(CompletableFuture<?> end, Cancellation cancellation, Duration limit) {
        try {
            CompletableFuture.anyOf(end, cancellation.whenCancelled()).get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CANCELED;
        } catch (ExecutionException e) {
            // end failed, which is an end too: the caller reads from end how it went
        }
        return end.isDone() ? ENDED : CANCELED;
    }
}
