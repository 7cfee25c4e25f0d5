package org.gorchestrator.api.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gorch.security.scopes.*}: the OAuth2 scope names that grant each right, so that they can follow an issuer's naming.
 * The OpenAPI document declares them per operation.
 *
 * @param submit       submit documents ({@code POST /v1/tasks})
 * @param read         read and list tasks, draw their graphs
 * @param cancel       cancel and rerun tasks
 * @param logs         read and follow node logs
 * @param admin        see, cancel and rerun every caller's tasks (not only one's own), and read the actuator on the API's port
 * @param enginePrefix a submit needs, for each engine its nodes use, the scope of this prefix and the engine's name
 */
public record ScopeNames(
        @DefaultValue("gorch.submit") @NotBlank String submit,
        @DefaultValue("gorch.read") @NotBlank String read,
        @DefaultValue("gorch.cancel") @NotBlank String cancel,
        @DefaultValue("gorch.logs") @NotBlank String logs,
        @DefaultValue("gorch.admin") @NotBlank String admin,
        @DefaultValue("gorch.engine.") @NotBlank String enginePrefix) {

    /** The scope that lets a caller submit nodes of this engine. */
    public String engine(String name) {
        return enginePrefix + name;
    }

    /** Spring Security's authority for a scope of the token. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
