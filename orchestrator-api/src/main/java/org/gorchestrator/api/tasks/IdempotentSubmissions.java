package org.gorchestrator.api.tasks;

import java.time.Duration;
import java.util.Optional;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Submissions made with an Idempotency-Key. The key gives the workflow id, and the workflow keeps
 * the key and the digest of its document, so a repeat is told from a conflict for as long as the
 * workflow is kept, across restarts. The conductor keeps the first submit of an id and ignores the
 * others, so when two arrive together the view says which one won.
 */
public final class IdempotentSubmissions {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentSubmissions.class);
    /** Sorted map entries make the digest independent of the order of a node's outputs too. */
    private static final ObjectWriter CANONICAL = Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final SubmissionSender sender;
    private final WorkflowView view;
    private final Duration wait;

    public IdempotentSubmissions(SubmissionSender sender, WorkflowView view, Duration wait) {
        this.sender = sender;
        this.view = view;
        this.wait = wait;
    }

    /**
     * @param definition the validated document as the conductor is to get it, without id
     * @throws IdempotencyConflictException   when the key already submitted another document
     * @throws org.gorchestrator.api.admission.AdmissionRefusedException when a backlog it would wait behind is too long
     * @throws SubmissionNotDeliveredException when the broker did not confirm the submission in time
     * @throws SubmissionUnconfirmedException when the view does not show the workflow in time
     */
    Accepted submit(Graph definition, IdempotencyKey key) {
        String id = key.workflowId(definition.submitter());
        String digest = Sha256.hex(CANONICAL.writeValueAsBytes(definition));
        Optional<Graph> known = view.find(id);
        if (known.isPresent()) {
            return outcome(known.get(), key, digest, true);
        }
        // A submit of this key that reached the broker from here, and was answered 503, needs no other: only the view's answer.
        boolean replayed = sender.outcomeOf(id).filter(SubmissionOutcome.Delivered.class::isInstance).isPresent();
        if (!replayed) {
            sender.send(definition.withId(id).withIdempotency(key.value(), digest), Optional.of(key));
            LOG.info("submitted task {} for Idempotency-Key {} with {} nodes", id, key.value(), definition.nodes().size());
        }
        Graph kept = view.await(id, wait).orElseThrow(() -> {
            sender.delivered(id);
            return new SubmissionUnconfirmedException(id, wait);
        });
        return outcome(kept, key, digest, replayed);
    }

    private static Accepted outcome(Graph kept, IdempotencyKey key, String digest, boolean replayed) {
        if (!digest.equals(kept.digest())) {
            throw new IdempotencyConflictException(key, kept.id());
        }
        return new Accepted(kept.id(), replayed);
    }
}
