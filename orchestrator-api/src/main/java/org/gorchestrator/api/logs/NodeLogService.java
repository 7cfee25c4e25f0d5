package org.gorchestrator.api.logs;

import org.gorchestrator.message.LogChunk;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.gorchestrator.api.DaemonThreads;
import org.gorchestrator.api.config.LogSettings;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.view.ViewNames;
import org.gorchestrator.api.view.ViewNotReadyException;
import org.gorchestrator.api.view.ViewStores;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/** Serves the output of node attempts: what the view has stored, and what arrives while a client follows. */
public final class NodeLogService implements AutoCloseable {
    /** Chunks of both streams interleave by time; the store gives each stream in order, and the sort is stable. */
    private static final Comparator<LogChunk> BY_TIME = Comparator.comparing(LogChunk::at, Comparator.nullsLast(Comparator.naturalOrder()));

    private final TaskService tasks;
    private final WorkflowView view;
    private final ViewStores stores;
    private final String store;
    private final LiveLogs live;
    private final LogSettings settings;
    private final ExecutorService followers;

    public NodeLogService(TaskService tasks, WorkflowView view, ViewStores stores, ViewNames names, LiveLogs live, LogSettings settings) {
        this.tasks = tasks;
        this.view = view;
        this.stores = stores;
        this.store = names.logStore();
        this.live = live;
        this.settings = settings;
        this.followers = new ThreadPoolExecutor(0, settings.maxFollowers(), 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
                DaemonThreads.named("gorch-log-follower-"));
    }

    /**
     * The log of a node named by id or name; without {@code attempt}, of its current attempt (the
     * first, for a node that has not run yet).
     *
     * @throws org.gorchestrator.api.tasks.TaskNotFoundException when no workflow has this id, or it is another caller's
     * @throws NodeNotFoundException                              when the workflow has no such node
     */
    public LogTarget target(String workflowId, String node, Integer attempt, LogStreams streams, Caller caller) {
        Graph graph = tasks.get(workflowId, caller);
        Node found = find(graph, node).orElseThrow(() -> new NodeNotFoundException(workflowId, node));
        return new LogTarget(workflowId, found.id(), attempt != null ? attempt : Math.max(1, found.attempt()), streams);
    }

    /** The lines stored so far, in order. */
    public List<String> lines(LogTarget target) {
        return stored(target.workflowId(), target.nodeId(), target.attempt()).stream()
                .filter(target.streams()::includes)
                .flatMap(chunk -> chunk.lines().stream())
                .toList();
    }

    /**
     * Streams the log to the sink on a thread of its own, until it is complete or the client leaves, leaving out the
     * chunks up to the seq {@code after} (-1: none), which the client has.
     *
     * @throws TooManyFollowersException when this instance already streams {@code max-followers} logs
     */
    public void follow(LogTarget target, long after, LogSink sink) {
        try {
            followers.execute(new LogFollower(this, live, target, after, sink, settings.finishGrace()));
        } catch (RejectedExecutionException e) {
            throw new TooManyFollowersException(settings.maxFollowers());
        }
    }

    /** Stops every follower; their clients may come back to another instance. */
    @Override
    public void close() {
        followers.shutdownNow();
    }

    /** Every stored chunk of the attempt, both streams. */
    List<LogChunk> stored(String workflowId, int nodeId, int attempt) {
        String prefix = LogKeys.attempt(workflowId, nodeId, attempt);
        List<LogChunk> chunks = stores.read(store, (ReadOnlyKeyValueStore<String, LogChunk> logs) -> LogKeys.scan(logs, prefix));
        return chunks.stream().sorted(BY_TIME).toList();
    }

    /** True once the attempt can print nothing more: the node finished or moved on, or the workflow is gone. */
    boolean isOver(LogTarget target) {
        try {
            return view.find(target.workflowId())
                    .flatMap(graph -> find(graph, String.valueOf(target.nodeId())))
                    .map(node -> node.state().isFinished() || node.attempt() > target.attempt())
                    .orElse(true);
        } catch (ViewNotReadyException e) {
            return false;
        }
    }

    /** By id when the text is one of the node ids, otherwise by name. */
    private static Optional<Node> find(Graph graph, String node) {
        Optional<Node> byId = graph.nodes().stream().filter(n -> String.valueOf(n.id()).equals(node)).findFirst();
        return byId.or(() -> graph.nodes().stream().filter(n -> node.equals(n.name())).findFirst());
    }
}
