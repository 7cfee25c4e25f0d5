package org.gorchestrator.worker.driver.docker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the Docker Engine API calls that the docker driver makes, as the engine would, and
 * records every request. No Docker engine runs on the machines these tests run on.
 */
final class EngineStandIn implements AutoCloseable {
    private static final Pattern CONTAINER_CALL = Pattern.compile("/containers/([^/?]+)(/[a-z]+)?(\\?.*)?");
    private static final Pattern CREATE_NAME = Pattern.compile("/containers/create\\?name=([^&]+)");

    /** One request as received; the container's random name is shown as {@code NAME}. */
    record Request(String method, String target, String body) {
        String call() {
            return method + " " + target;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch killed = new CountDownLatch(1);
    private final CountDownLatch waiting = new CountDownLatch(1);
    private volatile String containerName = "";

    volatile boolean hasImage = true;
    volatile boolean runsUntilKilled;
    volatile int exitCode;
    volatile String stdout = "";
    volatile String stderr = "";
    volatile String startError;

    EngineStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads); // a wait that blocks must not hold up the kill that ends it
        server.createContext("/", this::answer);
        server.start();
    }

    String host() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    List<String> calls() {
        return requests().stream().map(Request::call).toList();
    }

    /** Waits until the driver waits for the container to exit. */
    boolean awaitWaiting() throws InterruptedException {
        return waiting.await(10, TimeUnit.SECONDS);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher create = CREATE_NAME.matcher(target);
            if (create.matches()) {
                containerName = create.group(1);
            }
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(),
                        containerName.isEmpty() ? target : target.replace(containerName, "NAME"), body));
            }
            route(exchange, exchange.getRequestMethod(), target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, String method, String target) throws IOException, InterruptedException {
        if (method.equals("POST") && target.startsWith("/images/create?")) {
            hasImage = true;
            send(exchange, 200, "{\"status\":\"Pulling from library/alpine\"}\r\n{\"status\":\"Download complete\"}\r\n", true);
            return;
        }
        if (method.equals("POST") && target.startsWith("/containers/create?")) {
            if (hasImage) {
                send(exchange, 201, "{\"Id\":\"4fa6e0f0c678\",\"Warnings\":[]}", false);
            } else {
                send(exchange, 404, "{\"message\":\"No such image: alpine:latest\"}", false);
            }
            return;
        }
        Matcher call = CONTAINER_CALL.matcher(target);
        if (!call.matches() || !call.group(1).equals(containerName)) {
            send(exchange, 404, "{\"message\":\"No such container: " + target + "\"}", false);
            return;
        }
        String action = method + " " + (call.group(2) == null ? "" : call.group(2));
        switch (action) {
            case "POST /start" -> {
                if (startError == null) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, 500, "{\"message\":\"" + startError + "\"}", false);
                }
            }
            case "POST /wait" -> {
                waiting.countDown();
                if (runsUntilKilled) {
                    killed.await(30, TimeUnit.SECONDS);
                }
                send(exchange, 200, "{\"StatusCode\":" + (killed.getCount() == 0 ? 137 : exitCode) + ",\"Error\":null}", true);
            }
            case "POST /kill" -> {
                killed.countDown();
                exchange.sendResponseHeaders(204, -1);
            }
            case "GET /logs" -> sendLogs(exchange, target.contains("stdout=1") ? LogStream.STDOUT : LogStream.STDERR);
            case "DELETE " -> exchange.sendResponseHeaders(204, -1);
            default -> send(exchange, 404, "{\"message\":\"page not found\"}", false);
        }
    }

    /** Multiplexed frames, as the engine sends a container's logs without a TTY; split in two frames to test reassembly. */
    private void sendLogs(HttpExchange exchange, int stream) throws IOException {
        byte[] text = (stream == LogStream.STDOUT ? stdout : stderr).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        int half = text.length / 2;
        frame(frames, stream, text, 0, half);
        frame(frames, stream == LogStream.STDOUT ? LogStream.STDERR : LogStream.STDOUT, "not this stream\n".getBytes(StandardCharsets.UTF_8), 0, 16);
        frame(frames, stream, text, half, text.length - half);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.docker.multiplexed-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(frames.toByteArray());
        }
    }

    private static void frame(ByteArrayOutputStream frames, int stream, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        frames.writeBytes(ByteBuffer.allocate(8).put((byte) stream).put(new byte[3]).putInt(length).array());
        frames.write(bytes, offset, length);
    }

    private static void send(HttpExchange exchange, int status, String json, boolean chunked) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
