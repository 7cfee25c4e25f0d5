package org.gorchestrator.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;

/**
 * The clients' side of a scenario: submits workflows over HTTP, spread over the API instances in turn,
 * and follows each accepted one (through whichever instance answers) until it has finished or is
 * past the time it must have finished by.
 */
final class Workload {
    /** Beyond a workflow's deadline and the conductor's report-grace: the timer's tick, the state's publish interval, polling. */
    static final Duration SLACK = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(1000);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<URI> apis;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());

    /**
     * A workflow to submit: {@code kind} groups it in the report, {@code expected} are the final states it may end in
     * and {@code graphTimeout} is the timeout its document sets.
     */
    record Spec(String kind, String json, Set<State> expected, Duration graphTimeout) {}

    /** One POST and what became of it: {@code id} is null unless it was accepted (202). */
    static final class Submission {
        final Spec spec;
        final Instant submittedAt;
        final String id;
        final String refusal;
        volatile Graph last;

        Submission(Spec spec, Instant submittedAt, String id, String refusal) {
            this.spec = spec;
            this.submittedAt = submittedAt;
            this.id = id;
            this.refusal = refusal;
        }

        boolean accepted() {
            return id != null;
        }

        boolean finished() {
            return last != null && last.state().isFinished();
        }

        /** When it must have finished by: its deadline (as the conductor set it, else as its timeout implies) plus the grace. */
        Instant mustFinishBy() {
            Instant deadline = last != null && last.deadline() != null ? last.deadline() : submittedAt.plus(spec.graphTimeout());
            return deadline.plus(Cluster.REPORT_GRACE).plus(SLACK);
        }
    }

    Workload(List<URI> apis) {
        this.apis = List.copyOf(apis);
    }

    List<Submission> submissions() {
        synchronized (submissions) {
            return List.copyOf(submissions);
        }
    }

    /** POSTs the document to the next API instance; a refusal or an unreachable instance is recorded, not thrown. */
    Submission submit(Spec spec) {
        URI api = apis.get(Math.floorMod(next.getAndIncrement(), apis.size()));
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/tasks")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(spec.json())).build();
        Instant at = Instant.now();
        Submission submission;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            submission = response.statusCode() == 202
                    ? new Submission(spec, at, Json.mapper().readTree(response.body()).get("id").asString(), null)
                    : new Submission(spec, at, null, response.statusCode() + " " + response.body());
        } catch (IOException e) {
            submission = new Submission(spec, at, null, api + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        submissions.add(submission);
        return submission;
    }

    /**
     * Follows every accepted workflow until all have finished or every one that has not is past the time it must
     * have finished by; at most {@code cap} in any case.
     */
    void awaitSettled(Duration cap) {
        Instant giveUp = Instant.now().plus(cap);
        while (Instant.now().isBefore(giveUp)) {
            List<Submission> open = submissions().stream().filter(Submission::accepted).filter(s -> !s.finished()).toList();
            open.forEach(s -> find(s.id).ifPresent(graph -> s.last = graph));
            Instant now = Instant.now();
            if (open.stream().allMatch(s -> s.finished() || now.isAfter(s.mustFinishBy()))) {
                return;
            }
            sleep(POLL);
        }
    }

    /** The workflow as the first API instance that knows it shows it; empty if none does (or none answers). */
    Optional<Graph> find(String id) {
        for (URI api : apis) {
            HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/tasks/" + id)).timeout(Duration.ofSeconds(10)).GET().build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Optional.of(Json.read(response.body(), Graph.class));
                }
            } catch (IOException unreachable) {
                // another instance may answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
