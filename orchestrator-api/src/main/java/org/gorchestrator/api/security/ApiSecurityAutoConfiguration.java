package org.gorchestrator.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call the API ({@code gorch.security.*}): nobody is asked in mode {@code none}, which only loopback listeners may
 * serve; in mode {@code jwt} every {@code /v1} request needs a bearer token with the scope of its operation. Refusals are
 * problem+json like every other error of the API. The probes stay open; the rest of the actuator needs the admin scope, unless
 * it is served on a management port of its own (loopback by default: gorch-api-defaults.properties).
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class ApiSecurityAutoConfiguration {

    /**
     * No observation (span, timer) per security filter, per authentication and per authorization: every request
     * would carry a dozen, for figures nobody reads, at a cost that showed in the API's profile. The request's own
     * observation ({@code http.server.requests}) stays.
     */
    @Bean
    SecurityObservationSettings apiSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The API's security; only where this process serves the API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "gorch.api", name = "enabled", matchIfMissing = true)
    @EnableConfigurationProperties(GorchSecurityProperties.class)
    @Import(ConsoleConfigController.class)
    static class ApiSecurity {

        @Bean
        CurrentCaller apiCurrentCaller(GorchSecurityProperties properties) {
            return new CurrentCaller(properties.mode(), properties.scopes());
        }

        @Bean
        SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, GorchSecurityProperties properties, Environment env,
                                                   @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems)
                throws Exception {
            stateless(http);
            if (properties.mode() == SecurityMode.NONE) {
                UnauthenticatedListeners.check(Listeners.of(env), properties.allowUnauthenticatedOnNetwork());
                return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
            }
            List<ScopeRule> rules = new ArrayList<>();
            rules.add(new ScopeRule(EndpointRequest.toAnyEndpoint(), properties.scopes().admin()));
            rules.addAll(ScopeRule.api(properties.scopes()));
            authorize(http, rules, env);
            AuthenticationEntryPoint unauthenticated = unauthenticated(problems);
            AccessDeniedHandler denied = denied(rules, problems);
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(TokenDecoder.of(properties.jwt())))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied));
            http.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
            return http.build();
        }

        /** The first rule that matches a request decides. */
        private static void authorize(HttpSecurity http, List<ScopeRule> rules, Environment env) throws Exception {
            http.authorizeHttpRequests(requests -> {
                requests.requestMatchers(onManagementPort(env)).permitAll();
                requests.requestMatchers(probes(env)).permitAll();
                // the document's JSON Schema is a contract for tools and editors, like the API's own documentation
                requests.requestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/v1/schema/**")).permitAll();
                rules.forEach(rule -> requests.requestMatchers(rule.requests()).hasAuthority(ScopeNames.authority(rule.scope())));
                // the rest is static (the console's files, the API's documentation) or says how to get a token (/console/config.json)
                requests.anyRequest().permitAll();
            });
        }

        /** 401 with the bearer scheme's WWW-Authenticate, and the API's problem+json body. */
        private static AuthenticationEntryPoint unauthenticated(HandlerExceptionResolver problems) {
            BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
            return (request, response, e) -> {
                bearer.commence(request, response, e);
                problems.resolveException(request, response, null, e);
            };
        }

        /** 403 naming the scope the request needs. */
        private static AccessDeniedHandler denied(List<ScopeRule> rules, HandlerExceptionResolver problems) {
            return (request, response, e) -> problems.resolveException(request, response, null,
                    ScopeRule.required(rules, request).<RuntimeException>map(MissingScopeException::new).orElse(e));
        }

        /** A management server of its own is reached only where its address lets (loopback by default): it needs no token. */
        private static RequestMatcher onManagementPort(Environment env) {
            return request -> LoopbackManagementServer.hasOwnPort(env)
                    && env.getProperty("local.management.port", Integer.class, -1) == request.getLocalPort();
        }

        /** Kubernetes' and Compose's probes carry no token. */
        private static RequestMatcher probes(Environment env) {
            String base = env.getProperty("management.endpoints.web.base-path", "/actuator");
            return request -> PathPatternRequestMatcher.pathPattern(base + "/health/liveness").matches(request)
                    || PathPatternRequestMatcher.pathPattern(base + "/health/readiness").matches(request);
        }
    }

    /**
     * A process that runs no API (a conductor or worker of the all-roles jar) serves only its actuator, as it did before
     * security came to the API: Spring Boot's default (a generated password) would lock its probes out.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "gorch.api", name = "enabled", havingValue = "false")
    static class WithoutApi {

        @Bean
        SecurityFilterChain withoutApiSecurityFilterChain(HttpSecurity http) throws Exception {
            stateless(http);
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }

    /** Bearer tokens, no sessions or cookies: no CSRF to defend against. */
    private static void stateless(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
    }
}
