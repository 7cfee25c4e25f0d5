package org.gorchestrator.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import tools.jackson.databind.JsonNode;

/** The two calls the driver makes: {@code POST /v1/tasks} and the long poll {@code GET /v1/tasks/{id}?wait=}, asynchronous. */
final class TasksClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI tasks;

    TasksClient(URI baseUrl) {
        this.tasks = baseUrl.resolve("/v1/tasks");
    }

    /** Submits a document; completes with the workflow's id, or exceptionally unless the API answered 202. */
    CompletableFuture<String> submit(byte[] document) {
        HttpRequest request = HttpRequest.newBuilder(tasks)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST " + tasks + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            return Json.read(response.body(), JsonNode.class).get("id").asString();
        });
    }

    /**
     * The workflow's document once it has finished, or as it is when {@code wait} has passed (a long poll; an API older than
     * it answers at once); completes with null when the API does not know the id (yet).
     */
    CompletableFuture<Graph> get(String id, Duration wait) {
        URI uri = URI.create(tasks + "/" + id + "?wait=" + wait.toMillis() + "ms");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(wait.plus(REQUEST_TIMEOUT)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode());
            }
            return Json.read(response.body(), Graph.class);
        });
    }
}
