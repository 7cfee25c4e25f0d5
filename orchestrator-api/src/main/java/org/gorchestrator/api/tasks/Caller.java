package org.gorchestrator.api.tasks;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.Submitter;

/**
 * Who asks, as far as tasks are concerned: whom a submission is recorded for, whose tasks they may see, cancel and rerun,
 * and which engines their nodes may use.
 *
 * @param identity     the submitter recorded for their submissions; null when callers are not authenticated
 * @param seesAll      whether they may see every task (the admin scope, or no authentication) or only their own
 * @param engines      the engines they may use; null: every engine
 * @param engineScope  the scope a caller lacks when an engine is not theirs, for the refusal's message
 */
public record Caller(Submitter identity, boolean seesAll, Set<String> engines, Function<String, String> engineScope) {
    /** Everybody, when the API does not authenticate: sees and may do everything, and submissions record nobody. */
    public static final Caller UNRESTRICTED = new Caller(null, true, null, engine -> engine);

    public Caller {
        engines = engines == null ? null : Set.copyOf(engines);
        Objects.requireNonNull(engineScope, "engineScope");
        if (identity == null && !seesAll) {
            throw new IllegalArgumentException("a caller restricted to their own tasks needs an identity");
        }
    }

    /**
     * Whether this task is theirs to see: another subject's task is, to them, a task that does not exist. A task without a
     * submitter (submitted while the API did not authenticate) belongs to nobody, so only admins see it.
     */
    public boolean mayAccess(Graph task) {
        return seesAll || Optional.ofNullable(task.submitter()).map(Submitter::subject).filter(identity.subject()::equals).isPresent();
    }

    /** @throws TaskNotFoundException when the task is not theirs to see */
    Graph requireAccess(Graph task) {
        if (!mayAccess(task)) {
            throw new TaskNotFoundException(task.id());
        }
        return task;
    }

    /** @throws EngineNotAllowedException naming the first node whose engine is not theirs */
    public void checkEngines(Graph document) {
        if (engines == null) {
            return;
        }
        for (Node node : document.nodes()) {
            if (!engines.contains(node.engine())) {
                throw new EngineNotAllowedException(node.displayName(), node.id(), node.engine(), engineScope.apply(node.engine()));
            }
        }
    }
}
