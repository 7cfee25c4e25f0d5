package org.gorchestrator.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One Gorchestrator process of the cluster, running one role from the packaged jar, with its HTTP port for probes. */
final class Service implements AutoCloseable {
    private static final String HEAP = "320m";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    enum Role {
        API("gorch.api.enabled"), CONDUCTOR("gorch.conductor.enabled"), WORKER("gorch.worker.enabled");

        private final String enabledProperty;

        Role(String enabledProperty) {
            this.enabledProperty = enabledProperty;
        }
    }

    private final Role role;
    private final int port;
    private final ManagedProcess process;

    /**
     * @param name names the process, its worker id and API instance, and its data directory
     * @param settings {@code --name=value} arguments every service of the cluster gets
     */
    Service(Role role, String name, int port, Path clusterDir, List<String> settings) {
        this.role = role;
        this.port = port;
        List<String> args = new ArrayList<>(settings);
        for (Role other : Role.values()) {
            args.add("--" + other.enabledProperty + "=" + (other == role));
        }
        args.add("--server.port=" + port);
        args.add("--gorch.standalone.data-dir=" + clusterDir.resolve(name));
        args.add("--gorch.worker.id=" + name);
        args.add("--gorch.api.instance-id=" + name);
        this.process = new ManagedProcess(name, PackagedJar.service(HEAP, args), clusterDir.resolve(name + ".log"));
    }

    Role role() {
        return role;
    }

    String name() {
        return process.name();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    ManagedProcess process() {
        return process;
    }

    void start() {
        process.start();
    }

    /** Waits until the service says it is ready (Kafka reachable; a conductor's streams running). */
    void awaitReady(Duration atMost) {
        await(name() + " ready").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(this::ready);
    }

    boolean ready() {
        if (!process.alive()) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(url().resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return process.toString();
    }
}
