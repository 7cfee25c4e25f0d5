package org.gorchestrator.api.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.model.Submitter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} of the request this thread serves, from its bearer token; {@link Caller#UNRESTRICTED} in mode {@code none}. */
public final class CurrentCaller {
    /** Where tokens name their OAuth2 client: RFC 9068's claim, then OpenID Connect's authorized party (Keycloak's). */
    private static final String[] CLIENT_ID_CLAIMS = {"client_id", "azp"};

    private final SecurityMode mode;
    private final ScopeNames scopes;

    public CurrentCaller(SecurityMode mode, ScopeNames scopes) {
        this.mode = mode;
        this.scopes = scopes;
    }

    /**
     * @throws AccessDeniedException when, in mode {@code jwt}, the request carries no token
     *         (the filter chain lets no such request reach a controller)
     */
    public Caller get() {
        if (mode == SecurityMode.NONE) {
            return Caller.UNRESTRICTED;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("no bearer token");
        }
        Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Set<String> engines = granted.stream()
                .filter(authority -> authority.startsWith(ScopeNames.authority(scopes.enginePrefix())))
                .map(authority -> authority.substring(ScopeNames.authority(scopes.enginePrefix()).length()))
                .collect(Collectors.toSet());
        return new Caller(new Submitter(token.getName(), clientId(token)), granted.contains(ScopeNames.authority(scopes.admin())), engines,
                scopes::engine);
    }

    private static String clientId(JwtAuthenticationToken token) {
        for (String claim : CLIENT_ID_CLAIMS) {
            String value = token.getToken().getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
