package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gorchestrator.worker.driver.Cancellation;

/**
 * Runs blocking Engine API calls on a thread of their own, so that a time limit or a cancel can end
 * them: interrupting a thread blocked on a socket channel closes the channel and frees the thread.
 */
final class Bounded {
    private Bounded() {}

    interface Call<T> {
        T call() throws IOException;
    }

    /**
     * @throws TimeoutException      when {@code limit} passed first
     * @throws CancellationException when {@code cancellation} came first
     * @throws IOException           when the call failed
     */
    static <T> T call(Call<T> call, Duration limit, Cancellation cancellation, String threadName)
            throws IOException, TimeoutException {
        FutureTask<T> task = new FutureTask<>(call::call);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        cancellation.whenCancelled().thenRun(() -> task.cancel(true));
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static IOException unwrap(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
