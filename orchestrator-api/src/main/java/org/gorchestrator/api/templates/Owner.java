package org.gorchestrator.api.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Set;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.model.Submitter;

/**
 * Who stored a definition, as their token told it when they stored it: the runs it starts are submitted for them, with
 * the engines they held then, and see only what they could see. Absent (null) while the API does not authenticate.
 *
 * @param engines the engines they may use; null: every engine
 * @param admin   whether they held the admin scope (see every task)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Owner(String subject, @JsonProperty("client_id") String clientId, Set<String> engines, boolean admin) {
    public Owner {
        Objects.requireNonNull(subject, "subject");
        engines = engines == null ? null : Set.copyOf(engines);
    }

    /** The owner of what {@code caller} stores; null for an unauthenticated caller. */
    public static Owner of(Caller caller) {
        Submitter identity = caller.identity();
        return identity == null ? null : new Owner(identity.subject(), identity.clientId(), caller.engines(), caller.seesAll());
    }

    /** The caller the runs are started as; everybody, for a definition stored unauthenticated. */
    public static Caller caller(Owner owner) {
        return owner == null ? Caller.UNRESTRICTED
                : new Caller(new Submitter(owner.subject(), owner.clientId()), owner.admin(), owner.engines(), engine -> "the engine scope of " + engine);
    }

    /** Whether {@code caller} may change or delete a definition of this owner: its owner, an admin, or anybody when it has none. */
    public static boolean mayChange(Owner owner, Caller caller) {
        return owner == null || caller.seesAll() || (caller.identity() != null && owner.subject().equals(caller.identity().subject()));
    }
}
