package org.gorchestrator.api.events;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.gorchestrator.api.DaemonThreads;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.view.TaskChanges;
import org.gorchestrator.api.view.ViewNotReadyException;
import org.gorchestrator.api.view.ViewStores;
import org.gorchestrator.api.view.WorkflowView;

/**
 * Serves the live streams of the console and other clients: a workflow's CloudEvents (what the view stored, then what
 * arrives) and the changes of the task list. Each stream holds a thread of a bounded pool while it is open.
 */
public final class WorkflowEventService implements AutoCloseable {
    private final TaskService tasks;
    private final WorkflowView view;
    private final ViewStores stores;
    private final String store;
    private final LiveEvents live;
    private final TaskChanges changes;
    private final EventProperties settings;
    private final ExecutorService followers;

    public WorkflowEventService(TaskService tasks, WorkflowView view, ViewStores stores, String store, LiveEvents live,
                                TaskChanges changes, EventProperties settings) {
        this.tasks = tasks;
        this.view = view;
        this.stores = stores;
        this.store = store;
        this.live = live;
        this.changes = changes;
        this.settings = settings;
        this.followers = new ThreadPoolExecutor(0, settings.maxFollowers(), 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
                DaemonThreads.named("gorch-event-follower-"));
    }

    /**
     * Streams the workflow's events after the offset {@code after} (-1: all) to the sink, until the workflow finishes.
     *
     * @throws org.gorchestrator.api.tasks.TaskNotFoundException when no workflow has this id, or it is not the caller's to see
     * @throws TooManyStreamsException                            when {@code max-followers} streams are open already
     */
    public void follow(String workflowId, long after, EventSink sink, Caller caller) {
        tasks.get(workflowId, caller);
        start(new EventFollower(this, live, workflowId, after, sink));
    }

    /** Streams the changes of the tasks the caller sees to the sink until the client leaves. */
    public void followTasks(TaskChangeSink sink, Caller caller) {
        start(new TaskChangeFollower(view, changes, sink, settings.countsInterval(), caller));
    }

    /** Stops every stream; their clients may come back to another instance. */
    @Override
    public void close() {
        followers.shutdownNow();
    }

    List<StoredEvent> stored(String workflowId) {
        return stores.read(store, (ReadOnlyKeyValueStore<String, byte[]> events) -> EventKeys.scan(events, workflowId));
    }

    /** True when the view shows the workflow finished. */
    boolean isFinished(String workflowId) {
        return view.find(workflowId).map(graph -> graph.state().isFinished()).orElse(false);
    }

    /** False once the workflow is purged; true while the view cannot tell. */
    boolean exists(String workflowId) {
        try {
            return view.exists(workflowId);
        } catch (ViewNotReadyException e) {
            return true;
        }
    }

    private void start(Runnable follower) {
        try {
            followers.execute(follower);
        } catch (RejectedExecutionException e) {
            throw new TooManyStreamsException(settings.maxFollowers());
        }
    }
}
