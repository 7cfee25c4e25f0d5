package org.gorchestrator.load;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The command line. A sweep is a list of rates, or {@code auto}: one run as fast as possible,
 * then one at 25, 50 and 75% of the throughput it reached.
 *
 * @param rate        workflows per second; 0 for as fast as the in-flight bound allows
 * @param sweep       the rates of a sweep (0 for max), empty for a single run at {@code rate}
 * @param autoSweep   whether the sweep's rates come from a first run at max
 * @param warmup      how long to load the system at max before measuring anything (JIT, connections, caches)
 * @param kafkaAdmin  Admin client settings for the system's broker ({@code --kafka}, {@code --kafka-config}), to report
 *                    what each run added to each topic; empty for no such report
 * @param brokerLogs  the log directory of the system's broker, on this machine ({@code --broker-logs}), to split each
 *                    run's hand-offs there ({@link HandOffSplit}); null for no such report
 * @param brokerJmx   {@code host:port} of the JMX of the system's broker ({@code --broker-jmx}), to count the requests
 *                    it answered during each run ({@link RequestsPerNode}); null for no such report
 */
public record Options(URI baseUrl, Scenario scenario, double rate, List<Double> sweep, boolean autoSweep,
                      Duration warmup, LoadRun.Settings settings, Path out, boolean allowRemote,
                      Map<String, Object> kafkaAdmin, Path brokerLogs, String brokerJmx) {

    static final String USAGE = """
            usage: java -jar load-driver.jar [options]
              --url URL             base URL of the API (default http://127.0.0.1:8080); loopback only, see --allow-remote
              --scenario NAME       seed | random100 | fanout1000 | single (default seed); every node nil
              --rate R|max          workflows per second, or max: as fast as --concurrency allows (default max)
              --duration D          how long to submit, e.g. 500ms, 30s, 2m (default 30s)
              --count N             submit N workflows instead of submitting for --duration
              --concurrency N       most workflows in flight at once (default 64)
              --sweep R1,R2,..|auto one run per rate (max allowed); auto: max, then 25, 50 and 75% of its throughput
              --warmup D            load at max for D first, measuring nothing; 0 skips it (default 5s)
              --finish-timeout D    how long one workflow may take before it counts as unfinished (default 120s)
              --out DIR             where results.csv, results.json and latency.svg go (default load-results)
              --quick               the seed scenario, auto sweep, 10s per run after a 5s warm-up: about a minute
              --allow-remote        accept a base URL that is not a loopback address
              --kafka SERVERS       the system's Kafka bootstrap servers: report the bytes and records each run added to
                                    each topic, per node (the broker's log sizes and end offsets, read with the Admin API)
              --kafka-config FILE   more Admin client settings for --kafka (a properties file: security, timeouts)
              --broker-logs DIR     the log directory of the system's broker, on this machine (the standalone's
                                    <data-dir>/kafka): split each run's hand-offs into finish -> command visible (the
                                    commit marker) and visible -> start, from the broker's own files
              --broker-jmx HOST:PORT the JMX of the system's broker (its JVM started with
                                    -Dcom.sun.management.jmxremote.port=PORT): count the requests it answered during each
                                    run, by type, per node
            """;

    public Options {
        kafkaAdmin = Map.copyOf(kafkaAdmin);
        if (!kafkaAdmin.isEmpty() && !kafkaAdmin.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("--kafka-config needs --kafka (or bootstrap.servers in the file)");
        }
    }

    public static Options parse(String... args) {
        URI url = URI.create("http://127.0.0.1:8080");
        Scenario scenario = Scenario.SEED;
        double rate = 0;
        List<Double> sweep = List.of();
        boolean auto = false;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(5);
        int count = 0;
        int concurrency = 64;
        Duration finishTimeout = Duration.ofSeconds(120);
        Path out = Path.of("load-results");
        boolean allowRemote = false;
        Map<String, Object> kafkaAdmin = new HashMap<>();
        Path brokerLogs = null;
        String brokerJmx = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--quick" -> {
                    scenario = Scenario.SEED;
                    auto = true;
                    duration = Duration.ofSeconds(10);
                }
                case "--allow-remote" -> allowRemote = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + " needs a value, or is unknown");
                    }
                    String value = args[++i];
                    switch (name) {
                        case "--url" -> url = URI.create(value);
                        case "--scenario" -> scenario = Scenario.parse(value);
                        case "--rate" -> rate = rate(value);
                        case "--duration" -> duration = duration(value);
                        case "--count" -> count = positive(name, Integer.parseInt(value));
                        case "--concurrency" -> concurrency = positive(name, Integer.parseInt(value));
                        case "--finish-timeout" -> finishTimeout = duration(value);
                        case "--warmup" -> warmup = value.trim().equals("0") ? Duration.ZERO : duration(value);
                        case "--out" -> out = Path.of(value);
                        case "--kafka" -> kafkaAdmin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, value);
                        case "--kafka-config" -> kafkaAdmin.putAll(properties(Path.of(value)));
                        case "--broker-logs" -> brokerLogs = directory(name, Path.of(value));
                        case "--broker-jmx" -> brokerJmx = value;
                        case "--sweep" -> {
                            auto = value.equals("auto");
                            sweep = auto ? List.of() : Arrays.stream(value.split(",")).map(Options::rate).toList();
                        }
                        default -> throw new IllegalArgumentException("unknown option " + name);
                    }
                }
            }
        }
        Options options = new Options(url, scenario, rate, sweep, auto, warmup, new LoadRun.Settings(concurrency, duration, count, finishTimeout),
                out, allowRemote, kafkaAdmin, brokerLogs, brokerJmx);
        options.checkTarget();
        return options;
    }

    /** The rates to run at, in order, when the sweep is not automatic (0 is max). */
    List<Double> rates() {
        return sweep.isEmpty() ? List.of(rate) : sweep;
    }

    /** Refuses a base URL that does not resolve to loopback only, unless allowed: load goes to this machine. */
    private void checkTarget() {
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http(s) URL with a host, was " + baseUrl);
        }
        if (allowRemote) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(baseUrl.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(baseUrl.getHost() + " is not a loopback address (" + address.getHostAddress()
                            + "); pass --allow-remote to load another machine on purpose");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + baseUrl.getHost(), e);
        }
    }

    private static Path directory(String option, Path path) {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " must name a directory, was " + path);
        }
        return path;
    }

    private static double rate(String value) {
        if (value.trim().equalsIgnoreCase("max")) {
            return 0;
        }
        double rate = Double.parseDouble(value.trim());
        if (!(rate > 0)) {
            throw new IllegalArgumentException("a rate is a positive number of workflows per second, or max; was " + value);
        }
        return rate;
    }

    private static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        if (v.endsWith("ms")) {
            d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        } else if (v.endsWith("s")) {
            d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        } else if (v.endsWith("m")) {
            d = Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
        } else {
            d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a duration must be positive, was " + value);
        }
        return d;
    }

    private static Map<String, Object> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --kafka-config " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
