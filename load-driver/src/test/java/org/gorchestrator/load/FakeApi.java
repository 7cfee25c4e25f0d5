package org.gorchestrator.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imitates the API on a loopback port: a POST is accepted at once; a GET with {@code wait} gives the
 * workflow finished (as if it had finished while the GET waited), one without says it is running.
 * {@link #ignoringWait} imitates an API older than the long poll instead. In the finished document
 * every node started exactly {@link #HAND_OFF} after its last predecessor stopped and ran for 1 ms.
 * Documents are edited as JSON trees, as the real API's would read on the wire.
 */
final class FakeApi implements AutoCloseable {
    static final Duration HAND_OFF = Duration.ofMillis(2);
    /** What the driver sends: whole milliseconds. */
    private static final Pattern WAIT = Pattern.compile("(?:^|&)wait=(\\d+)ms(?:&|$)");

    /** A workflow as it ends, and when an API that ignores wait starts saying so. */
    private record Workflow(ObjectNode finished, long finishesAtNanos) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Workflow> workflows = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final Queue<Duration> waits = new ConcurrentLinkedQueue<>();
    /** Null when GETs honour wait. */
    private final Duration runningFor;

    FakeApi() throws IOException {
        this(null);
    }

    private FakeApi(Duration runningFor) throws IOException {
        this.runningFor = runningFor;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/tasks", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** An API older than the long poll: ignores wait and answers at once; each workflow is running for {@code runningFor} after its POST. */
    static FakeApi ignoringWait(Duration runningFor) throws IOException {
        return new FakeApi(runningFor);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int posts() {
        return posts.get();
    }

    /** The wait of every GET so far; a GET without one counts as zero. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("POST")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = "wf-" + posts.incrementAndGet();
                long finishesAt = System.nanoTime() + (runningFor == null ? 0 : runningFor.toNanos());
                workflows.put(id, new Workflow(run(id, body, Instant.now()), finishesAt));
                reply(exchange, 202, "{\"id\":\"" + id + "\"}");
                return;
            }
            String id = exchange.getRequestURI().getPath().substring("/v1/tasks/".length());
            Duration wait = waitOf(exchange.getRequestURI().getQuery());
            waits.add(wait);
            Workflow workflow = workflows.get(id);
            if (workflow == null) {
                reply(exchange, 404, "{}");
            } else if (runningFor == null ? !wait.isZero() : System.nanoTime() >= workflow.finishesAtNanos()) {
                reply(exchange, 200, Json.writeString(workflow.finished()));
            } else {
                ObjectNode running = workflow.finished().deepCopy();
                running.put("state", 2);
                running.remove("stop_date");
                reply(exchange, 200, Json.writeString(running));
            }
        }
    }

    private static Duration waitOf(String query) {
        Matcher wait = WAIT.matcher(query == null ? "" : query);
        return wait.find() ? Duration.ofMillis(Long.parseLong(wait.group(1))) : Duration.ZERO;
    }

    /** The document as if it had run: in topological order, each node starting HAND_OFF after its predecessors. */
    private static ObjectNode run(String id, byte[] body, Instant submitted) {
        Dag dag = Dag.of(Json.read(body, Graph.class));
        Instant[] start = new Instant[dag.size()];
        Instant[] stop = new Instant[dag.size()];
        int[] pending = new int[dag.size()];
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < dag.size(); i++) {
            pending[i] = dag.inDegree(i);
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        Instant last = submitted;
        for (int k = 0; k < ready.size(); k++) {
            int node = ready.get(k);
            Instant after = submitted;
            for (int p = 0; p < dag.inDegree(node); p++) {
                Instant s = stop[dag.predecessor(node, p)];
                after = s.isAfter(after) ? s : after;
            }
            start[node] = after.plus(HAND_OFF);
            stop[node] = start[node].plusMillis(1);
            last = stop[node].isAfter(last) ? stop[node] : last;
            for (int s = 0; s < dag.outDegree(node); s++) {
                if (--pending[dag.successor(node, s)] == 0) {
                    ready.add(dag.successor(node, s));
                }
            }
        }
        ObjectNode document = (ObjectNode) Json.read(body, JsonNode.class);
        for (JsonNode n : document.get("nodes")) {
            ObjectNode node = (ObjectNode) n;
            int i = node.get("id").asInt();
            node.put("state", 3).put("attempt", 1).put("worker", "fake")
                    .put("start_date", start[i].toString()).put("stop_date", stop[i].toString());
        }
        document.put("id", id).put("state", 3).put("start_date", submitted.toString()).put("stop_date", last.toString());
        return document;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
