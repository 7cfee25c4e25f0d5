package org.gorchestrator.api.tasks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.api.admission.Admission;
import org.gorchestrator.api.commands.BrokerUnavailableException;
import org.gorchestrator.api.commands.CommandPublisher;
import org.gorchestrator.api.config.DeliverySettings;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.springframework.core.NestedExceptionUtils;

/**
 * Sends submits to the conductor once admission takes them, and follows those the broker did not confirm in time
 * until the producer settles them (within its delivery timeout), remembering the outcome for a while: a client told
 * 503 then learns from a read whether its workflow will run, instead of a not-found that might change later.
 */
public final class SubmissionSender {
    private final Admission admission;
    private final CommandPublisher publisher;
    private final DeliverySettings delivery;
    private final Clock clock;
    private final Cache<String, SubmissionOutcome> outcomes;

    public SubmissionSender(Admission admission, CommandPublisher publisher, DeliverySettings delivery, Clock clock) {
        this.admission = admission;
        this.publisher = publisher;
        this.delivery = delivery;
        this.clock = clock;
        this.outcomes = Caffeine.newBuilder()
                .maximumSize(delivery.outcomesKept())
                .expireAfterWrite(delivery.outcomesTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run) // evictions happen in the calling thread, when due: nothing to schedule or wait for
                .build();
    }

    /**
     * Submits the workflow, unless a backlog it would wait behind is too long.
     *
     * @param accepted the validated document with its id
     * @throws org.gorchestrator.api.admission.AdmissionRefusedException when admission refuses it: nothing was sent
     * @throws SubmissionNotDeliveredException                          when the broker did not confirm it in time
     */
    void send(Graph accepted, Optional<IdempotencyKey> key) {
        admission.admit(accepted);
        try {
            publisher.publish(new WorkflowCommand.Submit(accepted.id(), accepted, clock.instant()));
        } catch (BrokerUnavailableException e) {
            SubmissionOutcome outcome = follow(e);
            if (!(outcome instanceof SubmissionOutcome.Delivered)) { // it may have arrived in the meantime
                throw new SubmissionNotDeliveredException(accepted.id(), key, outcome, e.getMessage(), clock.instant());
            }
        }
    }

    /** Remembers that the broker has the submit of this workflow, which the view does not show yet. */
    void delivered(String id) {
        outcomes.put(id, new SubmissionOutcome.Delivered());
    }

    /** What became of a submission of this workflow the broker did not confirm in time, while remembered. */
    Optional<SubmissionOutcome> outcomeOf(String id) {
        return Optional.ofNullable(outcomes.getIfPresent(id));
    }

    private SubmissionOutcome follow(BrokerUnavailableException e) {
        String id = e.workflowId();
        // The producer settles the send within its delivery timeout, counted from the send: earlier than this.
        Instant settledBy = clock.instant().plus(delivery.timeout());
        if (!e.delivery().isDone()) {
            outcomes.put(id, new SubmissionOutcome.Pending(settledBy));
        }
        e.delivery().whenComplete((sent, error) -> outcomes.put(id, error == null ? new SubmissionOutcome.Delivered()
                : new SubmissionOutcome.Failed(reason(error))));
        return outcomes.asMap().getOrDefault(id, new SubmissionOutcome.Pending(settledBy));
    }

    private static String reason(Throwable error) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
