package org.gorchestrator.api.security;

import org.springframework.security.access.AccessDeniedException;

/** The caller's token lacks the scope this request needs. */
public final class MissingScopeException extends AccessDeniedException {
    private final String scope;

    public MissingScopeException(String scope) {
        super("this request needs the scope " + scope + ", which the token does not grant");
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }
}
