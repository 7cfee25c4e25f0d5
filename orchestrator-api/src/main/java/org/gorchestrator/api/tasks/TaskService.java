package org.gorchestrator.api.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gorchestrator.api.commands.CommandPublisher;
import org.gorchestrator.api.view.NodePage;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.TemplateRun;
import org.gorchestrator.validation.GraphValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the API does with tasks: submit, read, list, cancel and rerun workflows. */
public final class TaskService {
    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);
    private static final String CANCEL_REASON = "canceled through the API";

    private final GraphValidator validator;
    private final WorkflowIds ids;
    private final CommandPublisher publisher;
    private final SubmissionSender sender;
    private final WorkflowView view;
    private final RecentSubmissions recent;
    private final IdempotentSubmissions idempotent;
    private final Duration readYourWritesWait;
    private final Clock clock;

    public TaskService(GraphValidator validator, WorkflowIds ids, CommandPublisher publisher, SubmissionSender sender, WorkflowView view,
                       RecentSubmissions recent, IdempotentSubmissions idempotent, Duration readYourWritesWait, Clock clock) {
        this.validator = validator;
        this.ids = ids;
        this.publisher = publisher;
        this.sender = sender;
        this.view = view;
        this.recent = recent;
        this.idempotent = idempotent;
        this.readYourWritesWait = readYourWritesWait;
        this.clock = clock;
    }

    /**
     * Validates the document and hands it to the conductor under a new id, or under the id of its
     * Idempotency-Key, where a repeat of an earlier submission starts nothing new.
     *
     * @throws org.gorchestrator.validation.InvalidGraphException listing every violation
     * @throws EngineNotAllowedException       when a node's engine is not the caller's
     * @throws org.gorchestrator.api.admission.AdmissionRefusedException when a backlog it would wait behind is too long
     * @throws IdempotencyConflictException     when the key already submitted another document
     * @throws SubmissionNotDeliveredException when the broker did not confirm the submission in time
     * @throws SubmissionUnconfirmedException   when the conductor did not confirm a keyed submission in time
     */
    public Accepted submit(Graph document, Optional<IdempotencyKey> key, Caller caller) {
        return start(document, null, key, caller);
    }

    /** As {@link #submit}, for a run made from a stored template: the run keeps the template it records. */
    public Accepted submitTemplateRun(Graph run, Optional<IdempotencyKey> key, Caller caller) {
        return start(run, run.template(), key, caller);
    }

    private Accepted start(Graph document, TemplateRun template, Optional<IdempotencyKey> key, Caller caller) {
        validate(document);
        caller.checkEngines(document);
        Graph definition = definitionOf(document).withSubmitter(caller.identity()).withTemplate(template);
        return key.map(k -> idempotent.submit(definition, k)).orElseGet(() -> submitNew(definition));
    }

    /**
     * The task, when the caller may see it.
     *
     * @throws TaskNotFoundException     when no workflow has this id, or it is another caller's
     * @throws UnconfirmedTaskException when none has it yet, and this instance answered its submission 503
     */
    public Graph get(String id, Caller caller) {
        return caller.requireAccess(get(id));
    }

    /**
     * @throws TaskNotFoundException     when no workflow has this id
     * @throws UnconfirmedTaskException when none has it yet, and this instance answered its submission 503
     */
    private Graph get(String id) {
        if (!WorkflowIds.isWellFormed(id)) {
            throw new TaskNotFoundException(id);
        }
        // Another instance may have accepted the workflow a moment ago: give the view a short time to show it.
        return find(id)
                .or(() -> submissionFailed(id) ? Optional.empty() : view.await(id, readYourWritesWait))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * A page of the task's nodes, when the caller may see the task: read from the view's parts without the rest of a
     * large task, or (not in the view yet) from the task as accepted here.
     *
     * @throws TaskNotFoundException     when no workflow has this id, or it is another caller's
     * @throws UnconfirmedTaskException when none has it yet, and this instance answered its submission 503
     */
    public NodePage nodes(String id, Caller caller, Optional<State> state, int after, int limit) {
        Optional<Graph> header = WorkflowIds.isWellFormed(id) ? view.header(id) : Optional.empty();
        if (header.isEmpty()) {
            return NodePage.of(get(id, caller).nodes(), state, after, limit);
        }
        caller.requireAccess(header.get());
        return view.nodes(id, state, after, limit).orElseThrow(() -> notFound(id));
    }

    /** Whether this instance knows that a submission of this workflow failed for good: waiting for it is pointless. */
    public boolean submissionFailed(String id) {
        return sender.outcomeOf(id).filter(SubmissionOutcome.Failed.class::isInstance).isPresent();
    }

    /** Why a well-formed id is not found: unknown, or what became of its submission if the broker did not confirm it in time. */
    public RuntimeException notFound(String id) {
        return sender.outcomeOf(id)
                .<RuntimeException>map(outcome -> new UnconfirmedTaskException(id, outcome, clock.instant()))
                .orElseGet(() -> new TaskNotFoundException(id));
    }

    /**
     * The workflow as the view shows it now or, accepted here a moment ago and not in the view yet, as accepted.
     *
     * @throws org.gorchestrator.api.view.ViewNotReadyException while the view is not running
     */
    public Optional<Graph> find(String id) {
        Optional<Graph> shown = view.find(id);
        if (shown.isPresent()) {
            recent.forget(id);
            return shown;
        }
        return recent.find(id);
    }

    /**
     * Up to {@code limit} of the workflows the caller may see, newest first, after the cursor {@code after} (null: from
     * the newest), in {@code state} and with {@code name} in their name (ignoring case) when given.
     */
    public TaskPage list(Caller caller, Optional<State> state, Optional<String> name, String after, int limit) {
        Optional<String> part = name.map(text -> text.toLowerCase(Locale.ROOT));
        List<Graph> found = view.newestFirst(after, graph -> (state.isEmpty() || graph.state() == state.get())
                && (part.isEmpty() || (graph.name() != null && graph.name().toLowerCase(Locale.ROOT).contains(part.get())))
                && caller.mayAccess(graph), limit + 1);
        if (found.size() <= limit) {
            return new TaskPage(found, null);
        }
        List<Graph> page = found.subList(0, limit);
        return new TaskPage(page, page.get(limit - 1).id());
    }

    /**
     * Checks the document as a submission would, starting nothing.
     *
     * @throws org.gorchestrator.validation.InvalidGraphException listing every violation
     */
    public void validate(Graph document) {
        validator.check(document);
    }

    /**
     * Asks the conductor to stop the workflow. Asking twice is harmless: the conductor ignores a
     * cancel of a finished workflow.
     *
     * @throws TaskNotFoundException       when no workflow has this id, or it is another caller's
     * @throws TaskStateConflictException when it has already finished
     */
    public void cancel(String id, Caller caller) {
        Graph graph = get(id, caller);
        if (graph.state().isFinished()) {
            throw TaskStateConflictException.alreadyFinished(id, graph.state());
        }
        publisher.publish(new WorkflowCommand.Cancel(id, CANCEL_REASON, clock.instant()));
        LOG.info("asked to cancel task {}", id);
    }

    /**
     * Asks the conductor to run again every node of a finished workflow that did not succeed. Asking
     * twice is harmless: the conductor ignores a rerun of a workflow that is running again.
     *
     * @throws TaskNotFoundException       when no workflow has this id, or it is another caller's
     * @throws TaskStateConflictException when it is still running or every node succeeded
     */
    public void rerun(String id, Caller caller) {
        Graph graph = get(id, caller);
        if (!graph.state().isFinished()) {
            throw TaskStateConflictException.stillRunning(id, graph.state());
        }
        if (graph.state() == State.SUCCESS) {
            throw TaskStateConflictException.nothingToRerun(id);
        }
        publisher.publish(new WorkflowCommand.Rerun(id, clock.instant()));
        LOG.info("asked to rerun task {}", id);
    }

    private Accepted submitNew(Graph definition) {
        String id = ids.next();
        Graph accepted = definition.withId(id);
        sender.send(accepted, Optional.empty());
        recent.remember(accepted);
        LOG.info("accepted task {} with {} nodes", id, accepted.nodes().size());
        return new Accepted(id, false);
    }

    /**
     * The document as its author defined it: whatever run results, id, idempotency, submitter or template fields it carries
     * are dropped (the API sets the last two itself).
     */
    public static Graph definitionOf(Graph document) {
        return document.withId(null).withIdempotency(null, null).withSubmitter(null).withTemplate(null).withRun(State.INITIAL, null, null, null)
                .withNodes(document.nodes().stream().map(Node::definition).toList());
    }
}
