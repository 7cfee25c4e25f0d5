package org.gorchestrator.api.events;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gorchestrator.api.view.TaskChanges;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the task list for one client: the counts by state first, then each changed task as it is now (several
 * changes of one task within a tick are sent once), and the counts again when tasks changed, at most once per
 * {@code countsInterval} (a count walks the whole view).
 */
final class TaskChangeFollower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskChangeFollower.class);
    private static final long TICK_MILLIS = 250;
    private static final long KEEP_ALIVE_NANOS = Duration.ofSeconds(15).toNanos();
    /** More changes than this within a tick are not told one by one: the client reads its page again. */
    private static final int MAX_PENDING_CHANGES = 1_000;

    private final WorkflowView view;
    private final TaskChanges changes;
    private final TaskChangeSink sink;
    private final Caller caller;
    private final long countsIntervalNanos;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean overflowed;

    TaskChangeFollower(WorkflowView view, TaskChanges changes, TaskChangeSink sink, Duration countsInterval, Caller caller) {
        this.view = view;
        this.changes = changes;
        this.sink = sink;
        this.caller = caller;
        this.countsIntervalNanos = countsInterval.toNanos();
    }

    @Override
    public void run() {
        try (TaskChanges.Listening ignored = changes.listen(this::changed)) {
            follow();
        } catch (IOException clientGone) {
            LOG.debug("stopped following the task list: {}", clientGone.getMessage());
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("stopped following the task list", e);
        } finally {
            sink.close();
        }
    }

    private void follow() throws IOException, InterruptedException {
        Map<State, Long> counts = counts();
        sink.counts(counts);
        long lastCount = System.nanoTime();
        long lastWrite = lastCount;
        boolean recount = false;
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(TICK_MILLIS);
            long now = System.nanoTime();
            if (sendChanges()) {
                recount = true;
                lastWrite = now;
            }
            if (recount && now - lastCount >= countsIntervalNanos) {
                Map<State, Long> recounted = counts();
                if (!recounted.equals(counts)) {
                    counts = recounted;
                    sink.counts(counts);
                    lastWrite = now;
                }
                recount = false;
                lastCount = now;
            }
            if (now - lastWrite >= KEEP_ALIVE_NANOS) {
                sink.keepAlive();
                lastWrite = now;
            }
        }
    }

    /** @return whether anything changed */
    private boolean sendChanges() throws IOException {
        if (overflowed) {
            overflowed = false;
            pending.clear();
            sink.reset();
            return true;
        }
        List<String> ids = new ArrayList<>(pending);
        pending.removeAll(ids);
        for (String id : ids) {
            Optional<Graph> task = view.find(id);
            if (task.isPresent()) {
                if (caller.mayAccess(task.get())) {
                    sink.changed(task.get());
                }
            } else if (caller.seesAll()) {
                // whose a purged task was is no longer known: only those who see every task are told of it
                sink.removed(id);
            }
        }
        return !ids.isEmpty();
    }

    /** The counts of the tasks this caller sees: every task's top-level state alone when they see them all. */
    private Map<State, Long> counts() {
        return caller.seesAll() ? view.countByState() : view.countByState(caller::mayAccess);
    }

    private void changed(String id) {
        if (pending.size() >= MAX_PENDING_CHANGES) {
            overflowed = true;
        } else {
            pending.add(id);
        }
    }
}
