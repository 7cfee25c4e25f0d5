package org.gorchestrator.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gorchestrator.faults.ScenarioReport.FaultWindow;
import org.gorchestrator.faults.Workload.Spec;
import org.gorchestrator.faults.Workload.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a fault scenario on a cluster: a recorded workload submitted in the background, the fault
 * (its window timed), then the wait for every workflow to settle and the report.
 */
final class Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(Scenario.class);
    /** Beyond a worker's shutdown-grace (30 s), for its running nodes to finish. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(90);

    private final String name;
    private final Cluster cluster;
    private final Path executions;
    private final Documents documents;
    private final Workload workload;
    private final Set<ManagedProcess> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
    private CompletableFuture<Void> submitting = CompletableFuture.completedFuture(null);
    private String fault = "none";
    private FaultWindow window;

    Scenario(String name, Cluster cluster) {
        this.name = name;
        this.cluster = cluster;
        Path dir = cluster.dir().resolve("scenarios").resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.executions = dir.resolve("executions.log");
        this.documents = new Documents(executions);
        this.workload = new Workload(cluster.apis());
        LOG.info("Scenario {} on {}", name, cluster);
    }

    Documents documents() {
        return documents;
    }

    Cluster cluster() {
        return cluster;
    }

    /** Submits {@code specs} one after another, {@code spacing} apart, while the scenario goes on. */
    void submitInBackground(List<Spec> specs, Duration spacing) {
        submitting = submitting.thenRunAsync(() -> specs.forEach(spec -> {
            workload.submit(spec);
            Workload.sleep(spacing);
        }));
    }

    void awaitSubmitted() {
        submitting.join();
    }

    /** Waits until {@code worker} runs at least {@code count} nodes at once. */
    void awaitNodesRunningOn(Service worker, int count) {
        await(count + " nodes running on " + worker.name()).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> worker.process().children().size() >= count);
    }

    /** Waits until {@code count} executions have recorded their start. */
    void awaitStarts(int count) {
        await(count + " executions started").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Executions.read(executions).runs().size() >= count);
    }

    /** Runs the fault, timing its window: from the first blow to the end of the recovery {@code action} waits for. */
    void fault(String description, Runnable action) {
        LOG.info("Scenario {}: {}", name, description);
        this.fault = description;
        Instant start = Instant.now();
        action.run();
        window = new FaultWindow(start, Instant.now());
        LOG.info("Scenario {}: fault over after {} ms", name, Duration.between(start, window.end()).toMillis());
    }

    /** SIGKILL of one process of the cluster. */
    void kill(ManagedProcess process) {
        stop(process, (p, grace) -> p.kill());
    }

    /** SIGTERM, waiting for a clean stop. */
    void stop(ManagedProcess process) {
        stop(process, ManagedProcess::terminate);
    }

    /** Stops {@code process} the way {@code how} does (given a grace for a clean stop). */
    void stop(ManagedProcess process, BiConsumer<ManagedProcess, Duration> how) {
        stoppedOnPurpose.add(process);
        how.accept(process, STOP_GRACE);
    }

    void start(Service service) {
        service.start();
        stoppedOnPurpose.remove(service.process());
    }

    void start(Broker broker) {
        broker.start();
        stoppedOnPurpose.remove(broker.process());
    }

    /** Waits for every workflow to settle, checks the invariants, appends the report's row and returns it. */
    ScenarioReport finish(Duration cap) {
        awaitSubmitted();
        workload.awaitSettled(cap);
        List<Submission> submissions = workload.submissions();
        submissions.stream().filter(s -> s.accepted() && s.last == null).forEach(s -> workload.find(s.id).ifPresent(g -> s.last = g));
        Set<String> ids = submissions.stream().filter(Submission::accepted).map(s -> s.id).collect(Collectors.toSet());
        Map<String, Integer> successes = SuccessReports.count(cluster.bootstrapServers(), ids);
        FaultWindow faultWindow = window != null ? window : new FaultWindow(Instant.now(), Instant.now());
        ScenarioReport report = ScenarioReport.of(name, fault, submissions, Executions.read(executions), successes, faultWindow, deaths());
        report.append();
        LOG.info("Scenario {}:\n{}", name, report.describe());
        return report;
    }

    /** Processes of the cluster that stopped without the scenario stopping them. */
    private List<String> deaths() {
        return Stream.concat(cluster.brokers().stream().map(Broker::process),
                        Stream.of(Service.Role.values()).flatMap(r -> cluster.services(r).stream()).map(Service::process))
                .filter(p -> !p.alive() && !stoppedOnPurpose.contains(p))
                .map(p -> p.name() + " stopped by itself (see " + p.log() + ")")
                .toList();
    }
}
