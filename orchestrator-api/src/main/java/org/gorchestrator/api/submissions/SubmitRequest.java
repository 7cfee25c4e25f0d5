package org.gorchestrator.api.submissions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.api.tasks.IdempotencyKey;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.DerivedIds;
import org.gorchestrator.model.Submitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A record of {@code gorch.submissions}: a CloudEvent whose {@code id} and {@code source} name the request (the
 * CloudEvents spec makes the pair unique), so every delivery of it names one workflow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmitRequest(String id, String source, String type, JsonNode data) {
    public static final String TYPE = "org.gorchestrator.workflow.submit.v1";

    /** The request, or empty when the record is no JSON object with an {@code id} and a {@code source}: nobody to answer. */
    public static Optional<SubmitRequest> read(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.read(value, SubmitRequest.class))
                    .filter(request -> present(request.id()) && present(request.source()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The Idempotency-Key of this request, derived from (source, id): a redelivery or another API instance submits the same workflow. */
    public IdempotencyKey key() {
        return new IdempotencyKey("submission:" + DerivedIds.of(source + "\n" + id));
    }

    /**
     * Whom the run is submitted for: the request's source, as subject. Who may write the topic may use every engine: the
     * topic's ACLs are its authorization.
     */
    public Caller caller() {
        return new Caller(new Submitter(source, null), true, null, engine -> engine);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
