package org.gorchestrator.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Requests of this kind need this scope. The first rule that matches a request decides. */
record ScopeRule(RequestMatcher requests, String scope) {

    /** The API's rules: every {@code /v1} request needs a scope, the admin's when no other rule names one. */
    static List<ScopeRule> api(ScopeNames scopes) {
        return List.of(
                rule(HttpMethod.POST, "/v1/tasks", scopes.submit()),
                rule(HttpMethod.POST, "/v1/validate", scopes.submit()),
                rule(HttpMethod.POST, "/v1/templates/*/runs", scopes.submit()),
                // a trigger starts runs as its owner, like a submission; only its owner (or an admin) changes it
                rule(HttpMethod.PUT, "/v1/triggers/*", scopes.submit()),
                rule(HttpMethod.POST, "/v1/triggers/*/*", scopes.submit()),
                rule(HttpMethod.DELETE, "/v1/triggers/*", scopes.submit()),
                rule(HttpMethod.GET, "/v1/tasks/*/nodes/*/logs", scopes.logs()),
                rule(HttpMethod.DELETE, "/v1/tasks/*", scopes.cancel()),
                rule(HttpMethod.POST, "/v1/tasks/*/rerun", scopes.cancel()),
                rule(HttpMethod.GET, "/v1/**", scopes.read()),
                new ScopeRule(PathPatternRequestMatcher.pathPattern("/v1/**"), scopes.admin()));
    }

    /** The scope the first matching rule asks for. */
    static Optional<String> required(List<ScopeRule> rules, HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.requests().matches(request)).map(ScopeRule::scope).findFirst();
    }

    private static ScopeRule rule(HttpMethod method, String pattern, String scope) {
        return new ScopeRule(PathPatternRequestMatcher.pathPattern(method, pattern), scope);
    }
}
