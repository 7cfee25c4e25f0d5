package org.gorchestrator.api.contract;

import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;

/**
 * The scope each operation needs when the API checks bearer tokens; the security configuration enforces them, this
 * class only states them in the OpenAPI document.
 */
final class Scopes {
    static final String SUBMIT = "gorch.submit";
    static final String READ = "gorch.read";
    static final String CANCEL = "gorch.cancel";
    static final String LOGS = "gorch.logs";
    static final String ADMIN = "gorch.admin";
    private static final String TASKS = "/v1/tasks";
    private static final String TRIGGERS = "/v1/triggers/";
    private static final String DESCRIPTION = """
            A JWT bearer token (Authorization: Bearer ...), checked when the API runs with JWT authentication (see \
            README, Security). Its scopes grant: `gorch.submit` submit documents, and store, pause, resume and delete \
            one's own triggers; `gorch.read` read and list tasks and their graphs and events, templates, schedules and \
            triggers; `gorch.cancel` cancel and rerun tasks; `gorch.logs` read node logs; `gorch.admin` \
            everything, on every task; `gorch.engine.<name>` (e.g. `gorch.engine.shell`) submit a document with a node \
            of that engine, needed besides `gorch.submit` for each engine the document uses. The scope names are the \
            defaults; a deployment may rename them. The document's JSON Schema needs no token.""";

    private Scopes() {}

    static SecurityScheme scheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(DESCRIPTION);
    }

    /** The scope the operation needs, as the security configuration's rules (ScopeRule) say; none for the public ones. */
    static Optional<String> of(String path, HttpMethod method) {
        if (!path.startsWith("/v1/") || path.startsWith("/v1/schema/")) {
            return Optional.empty();
        }
        if (method == HttpMethod.POST && (path.equals(TASKS) || path.equals("/v1/validate") || path.endsWith("/runs"))) {
            return Optional.of(SUBMIT);
        }
        if (path.startsWith(TRIGGERS) && method != HttpMethod.GET) {
            return Optional.of(SUBMIT);
        }
        if (method == HttpMethod.GET && path.startsWith(TASKS) && path.contains("/logs")) {
            return Optional.of(LOGS);
        }
        if (path.startsWith(TASKS) && (method == HttpMethod.DELETE || path.endsWith("/rerun"))) {
            return Optional.of(CANCEL);
        }
        return Optional.of(method == HttpMethod.GET ? READ : ADMIN);
    }
}
