package org.gorchestrator.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gorchestrator.client.GorchClient;

/**
 * The load driver's command line: runs once or as a sweep of rates against a running system,
 * prints a table and writes the result files. {@code --help} lists the options.
 */
public final class Main {
    /** The rates of an automatic sweep, as fractions of the throughput reached at max. */
    static final double[] AUTO_FRACTIONS = {0.25, 0.5, 0.75};
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private Main() {}

    public static void main(String[] args) throws Exception {
        completeResponsesOnAPool();
        if (List.of(args).contains("--help")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        List<Measurement> results;
        try {
            results = run(options);
        } catch (BrokerUnreadable e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.print(ResultFiles.table(results));
        for (Measurement m : results) {
            if (m.bytesPerNode().measured()) {
                System.out.print(m.bytesPerNode().table("bytes per node, " + m.scenario() + " @ " + m.targetLabel()));
            }
            if (m.handOffSplit().measured()) {
                System.out.print(m.handOffSplit().table("hand-off split, " + m.scenario() + " @ " + m.targetLabel()));
            }
            if (m.requests().measured()) {
                System.out.print(m.requests().table("broker requests, " + m.scenario() + " @ " + m.targetLabel()));
            }
        }
        for (Path file : ResultFiles.write(options.out(), results)) {
            System.out.println("wrote " + file);
        }
    }

    /**
     * The JDK's HttpClient completes every {@code sendAsync} on CompletableFuture's default executor, which is a new
     * thread per task where the common pool would have fewer than two threads (machines with two cores or fewer):
     * starting and ending those threads took about a fifth of the driver's CPU (async-profiler, seed graph at max on
     * two cores), CPU the system under test shares. Two common-pool threads take the responses instead. Runs before
     * anything touches ForkJoinPool or CompletableFuture, which read the setting once.
     */
    private static void completeResponsesOnAPool() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

    /** The driver's own timeouts: a submission or read may take 30 s beyond its wait, a connection 5 s. */
    private static GorchClient client(Options options) {
        return GorchClient.builder(options.baseUrl()).connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30)).build();
    }

    /** Every run the options ask for, in the order they ran. */
    static List<Measurement> run(Options options) throws InterruptedException {
        try (LogSizes sizes = options.kafkaAdmin().isEmpty() ? null : new LogSizes(options.kafkaAdmin());
             BrokerRequests requests = options.brokerJmx() == null ? null : new BrokerRequests(options.brokerJmx())) {
            return run(options, new Observers(sizes, options.brokerLogs(), requests));
        }
    }

    /**
     * What is read around each run besides the API: the broker's log sizes, its log files and its request counters (each
     * null: not read).
     */
    private record Observers(LogSizes sizes, Path brokerLogs, BrokerRequests requests) {
        boolean none() {
            return sizes == null && brokerLogs == null && requests == null;
        }
    }

    private static List<Measurement> run(Options options, Observers observers) throws InterruptedException {
        GorchClient client = client(options);
        if (!options.warmup().isZero()) {
            LoadRun.run(client, options.scenario(), options.settings().lasting(options.warmup()), 0, "warm-up (not counted)");
        }
        List<Measurement> results = new ArrayList<>();
        if (options.autoSweep()) {
            Measurement max = measured(observers, () -> LoadRun.run(client, options.scenario(), options.settings(), 0));
            results.add(max);
            for (double fraction : AUTO_FRACTIONS) {
                if (max.workflowsPerSecond() > 0) {
                    double rate = fraction * max.workflowsPerSecond();
                    results.add(measured(observers, () -> LoadRun.run(client, options.scenario(), options.settings(), rate)));
                }
            }
        } else {
            for (double rate : options.rates()) {
                results.add(measured(observers, () -> LoadRun.run(client, options.scenario(), options.settings(), rate)));
            }
        }
        return results;
    }

    /** One run, with what it added to each topic, how its hand-offs split and what the broker answered when there is a broker to read. */
    private static Measurement measured(Observers observers, LoadRun.Once run) throws InterruptedException {
        if (observers.none()) {
            return run.run();
        }
        LogSizes.Totals before = observers.sizes() == null ? null : observers.sizes().read();
        Map<String, Long> requestsBefore = observers.requests() == null ? null : observers.requests().read();
        Instant start = Instant.now();
        Measurement measurement = run.run();
        // The last records of a run (the conductor's last commit, the workers' offsets) reach the broker just after the
        // driver has seen the last workflow finish.
        Thread.sleep(SETTLE.toMillis());
        if (before != null) {
            measurement = measurement.withBytesPerNode(BytesPerNode.between(before, observers.sizes().read(), measurement.nodesRun()));
        }
        if (requestsBefore != null) {
            measurement = measurement.withRequests(RequestsPerNode.between(requestsBefore, observers.requests().read(), measurement.nodesRun()));
        }
        return observers.brokerLogs() == null ? measurement : measurement.withHandOffSplit(HandOffSplit.read(observers.brokerLogs(), start));
    }
}
