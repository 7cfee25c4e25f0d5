package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.gorchestrator.worker.driver.Cancellation;
import org.gorchestrator.worker.driver.Ending;

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
     * @throws CancellationException when {@code cancellation} came first, or this thread was interrupted
     * @throws IOException           when the call failed
     */
    static <T> T call(Call<T> call, Duration limit, Cancellation cancellation, String threadName)
            throws IOException, TimeoutException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> complete(result, call), threadName);
        thread.setDaemon(true);
        thread.start();
        Ending ending = Ending.await(result, cancellation, limit, thread::interrupt);
        if (ending == Ending.TIMED_OUT) {
            throw new TimeoutException();
        }
        if (ending == Ending.CANCELED) {
            throw new CancellationException();
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static <T> void complete(CompletableFuture<T> result, Call<T> call) {
        try {
            result.complete(call.call());
        } catch (Throwable e) { // an Error too: the waiting thread rethrows it
            result.completeExceptionally(e);
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
