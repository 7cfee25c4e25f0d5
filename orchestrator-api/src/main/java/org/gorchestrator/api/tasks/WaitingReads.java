package org.gorchestrator.api.tasks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gorchestrator.api.DaemonThreads;
import org.gorchestrator.api.view.FinishWaiters;
import org.gorchestrator.model.Graph;

/**
 * Reads that wait for their task to finish (the long poll of {@code GET /v1/tasks/{id}?wait=}) without holding a
 * thread meanwhile: the view wakes them, then a small pool reads the task for them.
 */
public final class WaitingReads implements AutoCloseable {
    private final TaskService tasks;
    private final FinishWaiters waiters;
    private final ExecutorService readers;

    /** @param readerThreads threads that read the tasks of woken reads: reading and decoding is all they do */
    public WaitingReads(TaskService tasks, FinishWaiters waiters, int readerThreads) {
        this.tasks = tasks;
        this.waiters = waiters;
        this.readers = Executors.newFixedThreadPool(readerThreads, DaemonThreads.named("gorch-waiting-read-"));
    }

    /**
     * The task once it has finished or is gone, or as it is when {@code wait} has passed; at once when it has
     * finished already. The future fails with {@link TaskNotFoundException} (or {@link UnconfirmedTaskException}) when
     * the task is still unknown when the wait ends. Cancel it to stop waiting (the client left).
     *
     * @throws TaskNotFoundException                                     when the id cannot be a task's, or it is another caller's
     * @throws UnconfirmedTaskException                                  when its submission is known to have failed
     * @throws org.gorchestrator.api.view.TooManyWaitingReadsException when as many reads as allowed wait already
     * @throws org.gorchestrator.api.view.ViewNotReadyException         while the view is not running
     */
    public CompletableFuture<Graph> whenFinished(String id, Duration wait, Caller caller) {
        if (!WorkflowIds.isWellFormed(id)) {
            throw new TaskNotFoundException(id);
        }
        // Wait first, then read: an update stored between the two still wakes the wait.
        CompletableFuture<Void> woken = waiters.await(id, wait);
        Optional<Graph> now;
        try {
            now = tasks.find(id);
        } catch (RuntimeException e) {
            woken.cancel(false);
            throw e;
        }
        if (now.isPresent() && !caller.mayAccess(now.get())) {
            woken.cancel(false);
            throw new TaskNotFoundException(id);
        }
        if (now.isPresent() && now.get().state().isFinished()) {
            woken.cancel(false);
            return CompletableFuture.completedFuture(now.get());
        }
        if (now.isEmpty() && tasks.submissionFailed(id)) {
            woken.cancel(false);
            throw tasks.notFound(id);
        }
        CompletableFuture<Graph> answer = woken.thenApplyAsync(ignored -> caller.requireAccess(read(id)), readers);
        answer.whenComplete((graph, error) -> woken.cancel(false)); // an answer canceled before the wake stops the wait
        return answer;
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    private Graph read(String id) {
        return tasks.find(id).orElseThrow(() -> tasks.notFound(id));
    }
}
