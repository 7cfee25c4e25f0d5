package org.gorchestrator.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gorchestrator.api.security.ApiSecurityAutoConfiguration;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.GorchKafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OAuth2 authorization server (Spring Authorization Server) in the test JVM, on a random loopback port, with its own
 * signing key and JWK set. Its clients get tokens by the client-credentials grant; each client's id is its tokens' subject.
 * Tokens name the audience {@value #AUDIENCE}, but those of {@link #STRANGER}; those of {@link #EXPIRED} expired an hour ago.
 */
final class AuthorizationServer implements AutoCloseable {
    static final String AUDIENCE = "gorch-api";
    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String READER = "reader";
    static final String DOCKER_ONLY = "docker-only";
    static final String ADMIN = "admin";
    static final String STRANGER = "stranger";
    static final String EXPIRED = "expired";
    private static final String OWNER = "gorch.submit gorch.read gorch.cancel gorch.logs gorch.engine.nil gorch.engine.sleep";
    private static final Map<String, String> SCOPES = Map.of(
            ALICE, OWNER,
            BOB, OWNER,
            READER, "gorch.read",
            DOCKER_ONLY, "gorch.submit gorch.read gorch.engine.docker",
            ADMIN, "gorch.admin gorch.read gorch.cancel gorch.logs",
            STRANGER, "gorch.read",
            EXPIRED, "gorch.read");

    private final ConfigurableApplicationContext context;
    private final String issuer;
    private final HttpClient http = HttpClient.newHttpClient();

    private AuthorizationServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.issuer = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static AuthorizationServer start() {
        return new AuthorizationServer(new SpringApplicationBuilder(Server.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .run());
    }

    /** The issuer's URI, as its tokens' {@code iss} and the API's {@code gorch.security.jwt.issuer-uri} name it. */
    String issuer() {
        return issuer;
    }

    /** A fresh access token of this client, with every scope it is registered with. */
    String token(String client) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret(client)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + SCOPES.get(client).replace(" ", "%20")))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request of " + client + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each client its own: the server refuses two clients with the same secret. */
    private static String secret(String client) {
        return client + "-secret";
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Spring Boot's authorization server, with the clients and token claims above; none of Gorchestrator's services. Not a
     * {@code @Configuration}: the API's tests scan this package, and must not find it.
     */
    @EnableAutoConfiguration(exclude = {ApiAutoConfiguration.class, ApiSecurityAutoConfiguration.class, GorchKafkaAutoConfiguration.class,
            KafkaAutoConfiguration.class})
    static class Server {

        @Bean
        RegisteredClientRepository registeredClients() {
            return new InMemoryRegisteredClientRepository(SCOPES.entrySet().stream().map(client -> RegisteredClient
                    .withId(UUID.randomUUID().toString())
                    .clientId(client.getKey())
                    .clientSecret("{noop}" + secret(client.getKey()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(List.of(client.getValue().split(" "))))
                    .build()).toList());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims() {
            return context -> {
                if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    return;
                }
                String client = context.getRegisteredClient().getClientId();
                context.getClaims().audience(List.of(STRANGER.equals(client) ? "another-api" : AUDIENCE)).claim("client_id", client);
                if (EXPIRED.equals(client)) {
                    Instant expired = Instant.now().minus(Duration.ofHours(1));
                    context.getClaims().issuedAt(expired.minus(Duration.ofMinutes(5))).notBefore(expired.minus(Duration.ofMinutes(5)))
                            .expiresAt(expired);
                }
            };
        }
    }
}
