package org.gorchestrator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gorchestrator.client.ProblemException.TooManyRequestsException;
import org.gorchestrator.test.LocalPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API does not answer today, or only in security's jwt mode: a stand-in HTTP server answers 429 with Retry-After
 * (admission control), an error page that is no problem+json, and records the Authorization header of each request.
 */
class GorchClientStandInTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/tasks", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Retry-After", "7");
                answer(exchange, 429, "application/problem+json",
                        "{\"title\": \"Too many tasks\", \"status\": 429, \"detail\": \"the backlog would miss its deadline\"}");
            } else {
                answer(exchange, 502, "text/html", "<html><body>Bad gateway</body></html>");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a429CarriesItsRetryAfter() {
        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class, () -> client().submit("{}"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.title()).isEqualTo("Too many tasks");
        assertThat(refused.detail()).isEqualTo("the backlog would miss its deadline");
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void anAsync429CarriesItsRetryAfter() {
        ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                () -> client().submitAsync("{}".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS));

        assertThat(failed).cause().isInstanceOfSatisfying(TooManyRequestsException.class,
                refused -> assertThat(refused.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void anErrorPageThatIsNoProblemKeepsItsStatusAndText() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> client().get("x"));

        assertThat(problem).isExactlyInstanceOf(ProblemException.class);
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.title()).isEqualTo("HTTP 502");
        assertThat(problem.detail()).contains("Bad gateway");
        assertThat(problem.violations()).isEmpty();
    }

    @Test
    void theTokenIsAskedForEachRequestAndSentAsBearer() {
        AtomicInteger asked = new AtomicInteger();
        GorchClient client = GorchClient.builder(URI.create(base())).token(() -> "token-" + asked.incrementAndGet()).build();

        catchThrowableOfType(ProblemException.class, () -> client.get("x"));
        catchThrowableOfType(ProblemException.class, () -> client.list(TaskQuery.all()));
        catchThrowableOfType(ProblemException.class, () -> client().get("x"));

        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-2", "null");
    }

    @Test
    void aServerThatDoesNotAnswerIsAConnectionProblem() {
        int closedPort = LocalPorts.free();
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        ConnectionException down = catchThrowableOfType(ConnectionException.class, () -> GorchClient.create(nowhere).get("x"));

        assertThat(down.server()).isEqualTo(nowhere);
        assertThat(down.getMessage()).startsWith("cannot reach " + nowhere);
        ExecutionException downAsync = catchThrowableOfType(ExecutionException.class,
                () -> GorchClient.create(nowhere).getAsync("x", Duration.ofMillis(10)).get(30, TimeUnit.SECONDS));
        assertThat(downAsync).cause().isInstanceOfSatisfying(ConnectionException.class,
                e -> assertThat(e.getMessage()).startsWith("cannot reach " + nowhere));
    }

    private GorchClient client() {
        return GorchClient.create(URI.create(base()));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
