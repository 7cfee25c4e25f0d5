package org.gorchestrator.system;

import java.util.List;
import org.gorchestrator.api.ApiAutoConfiguration;
import org.gorchestrator.api.security.ApiSecurityAutoConfiguration;
import org.gorchestrator.conductor.config.ConductorAutoConfiguration;
import org.gorchestrator.kafka.GorchKafkaAutoConfiguration;
import org.gorchestrator.worker.config.DriverAutoConfiguration;
import org.gorchestrator.worker.config.PolicyAutoConfiguration;
import org.gorchestrator.worker.config.WorkerAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * An OpenID Connect issuer in the test JVM (Spring Authorization Server, on a random loopback port) as the console meets
 * one: its login form with one user, {@value #USER}, and the console registered as a public client with the authorization
 * code flow and PKCE, as README tells to register it at Keycloak. The browser reads its configuration and token endpoint
 * from the console's origin: it allows loopback origins (CORS), as Keycloak's "Web origins" do.
 */
final class OidcIssuer implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "alice-password";
    static final String CONSOLE = "gorch-console";
    static final String SCOPES = "openid gorch.read gorch.submit gorch.cancel gorch.logs gorch.engine.nil";
    private static final String CONSOLE_ID = "console";

    private final ConfigurableApplicationContext context;

    private OidcIssuer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static OidcIssuer start() {
        return new OidcIssuer(new SpringApplicationBuilder(Server.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .run());
    }

    String uri() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The console's address is known once the API listens: its redirect URIs then name it exactly. */
    void registerConsoleAt(String consoleUri) {
        context.getBean(RegisteredClientRepository.class).save(console(consoleUri));
    }

    @Override
    public void close() {
        context.close();
    }

    private static RegisteredClient console(String consoleUri) {
        return RegisteredClient.withId(CONSOLE_ID)
                .clientId(CONSOLE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(consoleUri)
                .postLogoutRedirectUri(consoleUri)
                .scopes(scopes -> scopes.addAll(List.of(SCOPES.split(" "))))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
    }

    /** Spring Boot's authorization server and its login form; none of Gorchestrator's services. */
    @EnableAutoConfiguration(exclude = {ApiAutoConfiguration.class, ApiSecurityAutoConfiguration.class, ConductorAutoConfiguration.class,
            GorchKafkaAutoConfiguration.class, KafkaAutoConfiguration.class, WorkerAutoConfiguration.class, DriverAutoConfiguration.class,
            PolicyAutoConfiguration.class})
    static class Server {

        @Bean
        RegisteredClientRepository registeredClients() {
            return new InMemoryRegisteredClientRepository(console("http://127.0.0.1/"));
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
        }

        /** Tokens for the API: its audience, and the client they were issued to. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims() {
            return context -> {
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims().audience(List.of("gorch-api")).claim("client_id", context.getRegisteredClient().getClientId());
                }
            };
        }

        @Bean
        CorsConfigurationSource corsConfigurationSource() {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOriginPatterns(List.of("http://127.0.0.1:*"));
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("*"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", cors);
            return source;
        }
    }
}
