package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.gorchestrator.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/** The Engine API calls of one container's life, by the container's name. */
final class ContainerApi {
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;

    private final EngineClient client;

    ContainerApi(EngineClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Pulls the image (its {@code latest} tag when it names none), reading the engine's progress to its end. */
    void pull(String image) throws IOException {
        try (EngineResponse response = client.send("POST", "/images/create?fromImage=" + encode(withTag(image)), null)) {
            expect(response, 200, "pull " + image);
            try (MappingIterator<JsonNode> progress = Json.mapper().readerFor(JsonNode.class).readValues(response.body())) {
                while (progress.hasNext()) {
                    JsonNode step = progress.next();
                    if (step.hasNonNull("error")) {
                        throw new EngineException("pull " + image + ": " + step.path("error").asString());
                    }
                }
            } catch (JacksonException e) {
                throw new EngineException("pull " + image + ": the engine's progress report is not JSON: " + e.getOriginalMessage());
            }
        }
    }

    /** @return false when the engine does not have the image */
    boolean create(String name, ContainerSpec spec) throws IOException {
        try (EngineResponse response = client.send("POST", "/containers/create?name=" + encode(name), spec)) {
            if (response.status() == NOT_FOUND) {
                return false;
            }
            expect(response, 201, "create a container of " + spec.image());
            return true;
        }
    }

    void start(String name) throws IOException {
        try (EngineResponse response = client.send("POST", path(name) + "/start", null)) {
            expect(response, 204, "start the container");
        }
    }

    /** Waits until the container stops. @return its exit code */
    int awaitExit(String name) throws IOException {
        try (EngineResponse response = client.send("POST", path(name) + "/wait", null)) {
            expect(response, 200, "wait for the container");
            JsonNode status = response.json().path("StatusCode");
            if (!status.isIntegralNumber()) {
                throw new EngineException("the engine's answer to wait has no StatusCode");
            }
            return status.asInt();
        }
    }

    /** Kills the container (SIGKILL); one that is gone or no longer runs is fine. */
    void kill(String name) throws IOException {
        try (EngineResponse response = client.send("POST", path(name) + "/kill", null)) {
            if (response.status() != NOT_FOUND && response.status() != CONFLICT) {
                expect(response, 204, "kill the container");
            }
        }
    }

    /** One stream of the logs, multiplexed (see {@link LogStream}); the caller reads and closes it. */
    EngineResponse logs(String name, int stream) throws IOException {
        String streams = stream == LogStream.STDOUT ? "stdout=1&stderr=0" : "stdout=0&stderr=1";
        EngineResponse response = client.send("GET", path(name) + "/logs?" + streams, null);
        try {
            expect(response, 200, "read the container's logs");
            return response;
        } catch (IOException e) {
            response.close();
            throw e;
        }
    }

    /** Removes the container, killing it if it still runs, with its anonymous volumes; one that is gone is fine. */
    void remove(String name) throws IOException {
        try (EngineResponse response = client.send("DELETE", path(name) + "?force=1&v=1", null)) {
            if (response.status() != NOT_FOUND) {
                expect(response, 204, "remove the container");
            }
        }
    }

    /** {@code alpine} means {@code alpine:latest}: without a tag the engine would pull every tag. */
    static String withTag(String image) {
        int lastSlash = image.lastIndexOf('/');
        boolean tagged = image.indexOf(':', lastSlash + 1) >= 0 || image.contains("@");
        return tagged ? image : image + ":latest";
    }

    private static String path(String name) {
        return "/containers/" + encode(name);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void expect(EngineResponse response, int status, String action) throws IOException {
        if (response.status() != status) {
            throw new EngineException("cannot " + action + ": " + response.status() + " " + response.errorMessage());
        }
    }
}
