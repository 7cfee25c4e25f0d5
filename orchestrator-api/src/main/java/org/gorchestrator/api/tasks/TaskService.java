package org.gorchestrator.api.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gorchestrator.api.commands.CommandPublisher;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.validation.GraphValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the API does with tasks: submit, read, list and cancel workflows. */
public final class TaskService {
    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);
    private static final long VIEW_POLL_MILLIS = 20;
    private static final String CANCEL_REASON = "canceled through the API";

    private final GraphValidator validator;
    private final WorkflowIds ids;
    private final CommandPublisher publisher;
    private final WorkflowView view;
    private final RecentSubmissions recent;
    private final Duration readYourWritesWait;
    private final Clock clock;

    public TaskService(GraphValidator validator, WorkflowIds ids, CommandPublisher publisher, WorkflowView view,
                       RecentSubmissions recent, Duration readYourWritesWait, Clock clock) {
        this.validator = validator;
        this.ids = ids;
        this.publisher = publisher;
        this.view = view;
        this.recent = recent;
        this.readYourWritesWait = readYourWritesWait;
        this.clock = clock;
    }

    /**
     * Validates the document, gives it a new id and hands it to the conductor.
     *
     * @return the new workflow's id
     * @throws org.gorchestrator.validation.InvalidGraphException listing every violation
     */
    public String submit(Graph document) {
        validator.check(document);
        String id = ids.next();
        Graph accepted = document.withId(id).withRun(State.INITIAL, null, null, null)
                .withNodes(document.nodes().stream().map(Node::definition).toList());
        publisher.publish(new WorkflowCommand.Submit(id, accepted, clock.instant()));
        recent.remember(accepted);
        LOG.info("accepted task {} with {} nodes", id, accepted.nodes().size());
        return id;
    }

    /** @throws TaskNotFoundException when no workflow has this id */
    public Graph get(String id) {
        if (!WorkflowIds.isWellFormed(id)) {
            throw new TaskNotFoundException(id);
        }
        return view.find(id)
                .or(() -> recent.find(id))
                .or(() -> awaitView(id))
                .orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** Up to {@code limit} workflows, newest first, after the cursor {@code after} (null: from the newest). */
    public TaskPage list(Optional<State> state, String after, int limit) {
        List<Graph> found = view.newestFirst(after, graph -> state.isEmpty() || graph.state() == state.get(), limit + 1);
        if (found.size() <= limit) {
            return new TaskPage(found, null);
        }
        List<Graph> page = found.subList(0, limit);
        return new TaskPage(page, page.get(limit - 1).id());
    }

    /**
     * Asks the conductor to stop the workflow. Asking twice is harmless: the conductor ignores a
     * cancel of a finished workflow.
     *
     * @throws TaskNotFoundException  when no workflow has this id
     * @throws TaskFinishedException when it has already finished
     */
    public void cancel(String id) {
        Graph graph = get(id);
        if (graph.state().isFinished()) {
            throw new TaskFinishedException(id, graph.state());
        }
        publisher.publish(new WorkflowCommand.Cancel(id, CANCEL_REASON, clock.instant()));
        LOG.info("asked to cancel task {}", id);
    }

    /** Another instance may have accepted the workflow a moment ago: give the view a short time to show it. */
    private Optional<Graph> awaitView(String id) {
        long deadline = System.nanoTime() + readYourWritesWait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(VIEW_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            Optional<Graph> found = view.find(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
