package org.gorchestrator.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.gorchestrator.json.Json;
import tools.jackson.databind.JsonNode;

/** A real HTTP client for the API under test. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String token;

    ApiClient(int port) {
        this(port, null);
    }

    /** A client that sends this bearer token with every request (none when null). */
    ApiClient(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.mapper().readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** Sends the GET now; the future completes with its response. */
    CompletableFuture<Response> getLater(String path) {
        return sendLater(request(path).GET());
    }

    CompletableFuture<Response> sendLater(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(ApiClient::response);
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response putJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response postJson(String path, String body) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(body));
    }

    /** Posts without a Content-Length: the JDK client sends a body of unknown length chunked. */
    Response postChunked(String path, Supplier<InputStream> body) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofInputStream(body));
    }

    Response post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    Response send(HttpRequest.Builder request) {
        try {
            return response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Response response(HttpResponse<String> response) {
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
