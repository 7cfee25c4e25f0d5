package org.gorchestrator.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gorchestrator.dot.DotRenderer;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;

/**
 * The HTTP API of Gorchestrator, typed: submit documents, read and wait for tasks, list, cancel and rerun them, read and
 * follow node logs. Errors come as {@link GorchException}s: a problem answer as a {@link ProblemException} of its kind
 * (with the violations that name each bad field), no answer as a {@link ConnectionException}. Thread-safe; one per server.
 *
 * <pre>{@code
 * GorchClient gorch = GorchClient.create(URI.create("http://127.0.0.1:8080"));
 * String id = gorch.submit(Path.of("examples/seed-runnable.json")).id();
 * Graph done = gorch.awaitFinished(id, Duration.ofMinutes(5));
 * }</pre>
 */
public final class GorchClient {
    /** Where the quick start's standalone listens. */
    public static final URI DEFAULT_SERVER = URI.create("http://127.0.0.1:8080");
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    /** Each wait asked of the server by awaitFinished: well under the API's default max-wait (60 s). */
    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    private final String base;
    private final URI server;
    private final HttpClient http;
    private final Supplier<String> token;
    private final Duration requestTimeout;
    private final Duration watchInterval;
    private final Clock clock;

    private GorchClient(Builder builder) {
        this.server = builder.server;
        String text = builder.server.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        // The API speaks HTTP/1.1 on plain http: asking each connection to upgrade to h2c would gain nothing.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(builder.connectTimeout).build();
        this.token = builder.token;
        this.requestTimeout = builder.requestTimeout;
        this.watchInterval = builder.watchInterval;
        this.clock = builder.clock;
    }

    public static GorchClient create(URI server) {
        return builder(server).build();
    }

    public static Builder builder(URI server) {
        return new Builder(server);
    }

    public URI server() {
        return server;
    }

    /** Submits a document; the task starts shortly. */
    public Submitted submit(Graph document) {
        return post(BodyPublishers.ofByteArray(Json.write(document)), Optional.empty());
    }

    /** Submits a document under an Idempotency-Key: the same key and document again starts nothing and answers the same id. */
    public Submitted submit(Graph document, String idempotencyKey) {
        return post(BodyPublishers.ofByteArray(Json.write(document)), Optional.of(idempotencyKey));
    }

    /**
     * Submits the document in a JSON file, as it is: the server reads and checks it.
     *
     * @throws UncheckedIOException when the file cannot be read (a {@link java.nio.file.NoSuchFileException} when missing)
     */
    public Submitted submit(Path file) {
        return post(BodyPublishers.ofByteArray(read(file)), Optional.empty());
    }

    public Submitted submit(Path file, String idempotencyKey) {
        return post(BodyPublishers.ofByteArray(read(file)), Optional.of(idempotencyKey));
    }

    /** Submits a document given as JSON text, as it is. */
    public Submitted submit(String json) {
        return post(BodyPublishers.ofString(json), Optional.empty());
    }

    public Submitted submit(String json, String idempotencyKey) {
        return post(BodyPublishers.ofString(json), Optional.of(idempotencyKey));
    }

    /**
     * {@link #submit(String)} without blocking a thread, for a caller that keeps many requests in flight (the load driver):
     * the document as UTF-8 JSON, sent as it is. Fails with the same {@link GorchException}s, as the cause of the
     * future's {@link java.util.concurrent.CompletionException}.
     */
    public CompletableFuture<Submitted> submitAsync(byte[] json) {
        return exchangeAsync(postRequest(BodyPublishers.ofByteArray(json), Optional.empty()), BodyHandlers.ofString()).thenApply(this::submitted);
    }

    /** The task as it is now: its state and every node's. */
    public Graph get(String id) {
        return Json.read(call(request(tasks(id)).GET(), JSON), Graph.class);
    }

    /** The task once it has finished, or as it is when {@code wait} has passed (up to the server's max-wait, 60 s by default). */
    public Graph get(String id, Duration wait) {
        return Json.read(call(waitRequest(id, wait), JSON), Graph.class);
    }

    /** {@link #get(String, Duration)} without blocking a thread; fails as {@link #submitAsync} does. */
    public CompletableFuture<Graph> getAsync(String id, Duration wait) {
        return exchangeAsync(accepting(waitRequest(id, wait), JSON), BodyHandlers.ofString())
                .thenApply(response -> Json.read(bodyOf(response), Graph.class));
    }

    /** One page of tasks, newest first. */
    public TaskPage list(TaskQuery query) {
        List<String> params = new ArrayList<>();
        query.state().ifPresent(state -> params.add("state=" + state.label()));
        query.limit().ifPresent(limit -> params.add("limit=" + limit));
        query.after().ifPresent(after -> params.add("after=" + encode(after)));
        String path = "/v1/tasks" + (params.isEmpty() ? "" : "?" + String.join("&", params));
        ListBody page = Json.read(call(request(path).GET(), JSON), ListBody.class);
        return new TaskPage(page.tasks() == null ? List.of() : page.tasks(), Optional.ofNullable(page.next()));
    }

    /** Every task the query matches, newest first, each page fetched when the stream reaches it. */
    public Stream<TaskSummary> listAll(TaskQuery query) {
        return Stream.iterate(list(query), Objects::nonNull, page -> page.next().map(next -> list(query.after(next))).orElse(null))
                .flatMap(page -> page.tasks().stream());
    }

    /** Cancels a running task: its nodes not finished become canceled, running processes are killed. */
    public void cancel(String id) {
        call(request(tasks(id)).DELETE(), JSON);
    }

    /** Runs again every node of a finished task that did not succeed. */
    public void rerun(String id) {
        call(request(tasks(id) + "/rerun").POST(BodyPublishers.noBody()), JSON);
    }

    /** What a node's current attempt printed so far, stdout and stderr, one line each. */
    public String logs(String id, String node) {
        return call(request(logsPath(id, node, OptionalInt.empty())).GET(), "text/plain");
    }

    /** What attempt {@code attempt} (1 for the first) of a node printed. */
    public String logs(String id, String node, int attempt) {
        return call(request(logsPath(id, node, OptionalInt.of(attempt))).GET(), "text/plain");
    }

    /**
     * Hands each line of a node's current attempt to {@code each}, those printed so far and then new ones as they come, until
     * the log is complete. Blocks meanwhile.
     *
     * @return true when the log is complete; false when the server closed the stream before (it stopped): ask again
     */
    public boolean followLogs(String id, String node, Consumer<LogLine> each) {
        return follow(logsPath(id, node, OptionalInt.empty()), each);
    }

    public boolean followLogs(String id, String node, int attempt, Consumer<LogLine> each) {
        return follow(logsPath(id, node, OptionalInt.of(attempt)), each);
    }

    /** The task's graph as Graphviz DOT, nodes coloured by state. */
    public String graphDot(String id) {
        return call(request(tasks(id) + "/graph").GET(), DotRenderer.MEDIA_TYPE);
    }

    /**
     * Follows a task to its end: {@code onChange} gets the task now, then each time it changed (nodes started, finished...),
     * at most once per watch interval. Until the API streams a workflow's events, this asks with a short {@code wait}, which
     * the server answers at once when the task finishes.
     *
     * @return the finished task
     */
    public Graph watch(String id, Consumer<Graph> onChange) {
        return watch(id, Optional.empty(), onChange);
    }

    /** @throws WaitTimeoutException when the task has not finished within {@code timeout} */
    public Graph watch(String id, Duration timeout, Consumer<Graph> onChange) {
        return watch(id, Optional.of(timeout), onChange);
    }

    /**
     * The task once finished, waiting on the server (long polls) rather than asking again and again.
     *
     * @throws WaitTimeoutException when it has not finished within {@code timeout}
     */
    public Graph awaitFinished(String id, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            Graph graph = get(id, left.isNegative() ? Duration.ZERO : min(left, LONG_POLL));
            if (graph.state().isFinished()) {
                return graph;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new WaitTimeoutException(timeout, graph);
            }
        }
    }

    private Graph watch(String id, Optional<Duration> timeout, Consumer<Graph> onChange) {
        Optional<Instant> deadline = timeout.map(clock.instant()::plus);
        Graph last = get(id);
        onChange.accept(last);
        while (!last.state().isFinished()) {
            Duration wait = watchInterval;
            if (deadline.isPresent()) {
                Duration left = Duration.between(clock.instant(), deadline.get());
                if (left.isNegative() || left.isZero()) {
                    throw new WaitTimeoutException(timeout.get(), last);
                }
                wait = min(wait, left);
            }
            Graph next = get(id, wait);
            if (!next.equals(last)) {
                onChange.accept(next);
            }
            last = next;
        }
        return last;
    }

    private HttpRequest.Builder waitRequest(String id, Duration wait) {
        return request(tasks(id) + "?wait=" + wait.toMillis() + "ms").timeout(requestTimeout.plus(wait)).GET();
    }

    private Submitted post(BodyPublisher body, Optional<String> idempotencyKey) {
        return submitted(exchange(postRequest(body, idempotencyKey), BodyHandlers.ofString()));
    }

    private HttpRequest.Builder postRequest(BodyPublisher body, Optional<String> idempotencyKey) {
        HttpRequest.Builder request = request("/v1/tasks").header("Content-Type", JSON).POST(body);
        idempotencyKey.ifPresent(key -> request.header(IDEMPOTENCY_KEY, key));
        return accepting(request, JSON);
    }

    private Submitted submitted(HttpResponse<String> response) {
        String json = bodyOf(response);
        boolean replayed = response.statusCode() == 200 || response.headers().firstValue(REPLAYED).map("true"::equals).orElse(false);
        return new Submitted(Json.read(json, TaskIdBody.class).id(), replayed);
    }

    private boolean follow(String path, Consumer<LogLine> each) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream, " + PROBLEM).GET();
        HttpResponse<Stream<String>> response = exchange(authorized(request), BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() >= 300) {
                throw problem(response.statusCode(), lines.collect(Collectors.joining("\n")), response);
            }
            ServerSentEvents events = new ServerSentEvents();
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                Optional<ServerSentEvents.Event> event = events.line(it.next());
                if (event.isPresent() && event.get().name().equals("end")) {
                    return true;
                }
                event.ifPresent(e -> e.data().forEach(text -> each.accept(new LogLine(e.name(), text))));
            }
            return false;
        } catch (UncheckedIOException e) {
            throw new ConnectionException(server, e.getCause());
        }
    }

    private String call(HttpRequest.Builder request, String accept) {
        return bodyOf(exchange(accepting(request, accept), BodyHandlers.ofString()));
    }

    private static HttpRequest.Builder accepting(HttpRequest.Builder request, String accept) {
        return request.header("Accept", accept + ", " + PROBLEM);
    }

    private String bodyOf(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw problem(response.statusCode(), response.body(), response);
        }
        return response.body();
    }

    private ProblemException problem(int status, String body, HttpResponse<?> response) {
        return ProblemException.of(Problem.read(status, body), RetryAfter.of(response.headers(), clock));
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new ConnectionException(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(server, e);
        }
    }

    private <T> CompletableFuture<HttpResponse<T>> exchangeAsync(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        return http.sendAsync(request.build(), body).handle((response, error) -> {
            if (error != null) {
                throw new ConnectionException(server, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
            return response;
        });
    }

    private HttpRequest.Builder request(String path) {
        return authorized(HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout));
    }

    /** Asks the token for each request, so that a supplier can renew it. */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (token != null) {
            String bearer = token.get();
            if (bearer != null && !bearer.isBlank()) {
                request.header("Authorization", "Bearer " + bearer.strip());
            }
        }
        return request;
    }

    private static String tasks(String id) {
        return "/v1/tasks/" + segment(id);
    }

    private static String logsPath(String id, String node, OptionalInt attempt) {
        String path = tasks(id) + "/nodes/" + segment(node) + "/logs";
        return attempt.isPresent() ? path + "?attempt=" + attempt.getAsInt() : path;
    }

    /** One path segment: a node's name may hold any character, a slash or space included. */
    private static String segment(String text) {
        return encode(text).replace("+", "%20");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The body of 202/200 to a submit. */
    private record TaskIdBody(String id) {}

    /** The body of a list. */
    private record ListBody(List<TaskSummary> tasks, String next) {}

    /** How the client talks to its server; every setting has a default. */
    public static final class Builder {
        private final URI server;
        private Supplier<String> token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration watchInterval = Duration.ofMillis(500);
        private Clock clock = Clock.systemUTC();

        private Builder(URI server) {
            this.server = Objects.requireNonNull(server, "server");
            if (server.getScheme() == null || !server.getScheme().matches("https?") || server.getHost() == null) {
                throw new IllegalArgumentException("the server must be an http or https URL such as " + DEFAULT_SERVER + ", was " + server);
            }
        }

        /** A bearer token for each request (for a server in jwt mode); asked again for each request, so it may renew it. */
        public Builder token(Supplier<String> bearerToken) {
            this.token = bearerToken;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long a request may take, beyond any wait it asks the server for; a followed log has no limit. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** How often {@link #watch} looks at the task at most: a change shows after this long at worst. */
        public Builder watchInterval(Duration interval) {
            this.watchInterval = positive(interval, "watchInterval");
            return this;
        }

        Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        public GorchClient build() {
            return new GorchClient(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
