package org.gorchestrator.faults;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.gorchestrator.faults.Service.Role;
import org.gorchestrator.test.LocalPorts;

/**
 * A whole Gorchestrator system of separate processes: Kafka brokers (KRaft), conductors, workers and
 * API instances, each its own JVM from the packaged jar, each with its own data directory and log
 * under {@code dir}. A scenario kills and restarts any of them.
 */
final class Cluster implements AutoCloseable {
    static final Duration REPORT_GRACE = Duration.ofSeconds(10);
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String HOST = "127.0.0.1";

    private final Topology topology;
    private final Path dir;
    private final List<Broker> brokers;
    private final NetworkCut network;
    private final List<Service> services = new ArrayList<>();

    /**
     * @param brokers how many Kafka brokers (each also a controller voter); with three, topics have three replicas
     *                and two in sync are required
     * @param lastBrokerCuttable whether the last broker runs in a network namespace of its own ({@link NetworkCut})
     */
    record Topology(int brokers, int conductors, int workers, int apis, boolean lastBrokerCuttable) {
        static final Topology ONE_BROKER = new Topology(1, 2, 3, 2, false);
        static final Topology THREE_BROKERS = new Topology(3, 2, 3, 2, false);
        static final Topology THREE_BROKERS_ONE_CUTTABLE = new Topology(3, 2, 3, 2, true);

        int replicationFactor() {
            return Math.min(3, brokers);
        }

        @Override
        public String toString() {
            return brokers + " broker(s)" + (lastBrokerCuttable ? " (the last one behind a link that can be cut)" : "") + ", "
                    + conductors + " conductors, " + workers + " workers, " + apis + " APIs";
        }
    }

    private Cluster(Topology topology, Path dir, List<Broker> brokers, NetworkCut network) {
        this.topology = topology;
        this.dir = dir;
        this.brokers = brokers;
        this.network = network;
    }

    /** Formats and starts the brokers, then every service, and returns once all of them are ready. */
    static Cluster start(Topology topology, Path dir) {
        PackagedJar.extract();
        NetworkCut network = topology.lastBrokerCuttable() ? NetworkCut.create() : null;
        int brokerCount = topology.brokers();
        List<Broker.Endpoint> endpoints = IntStream.range(0, brokerCount)
                .mapToObj(i -> new Broker.Endpoint(brokerHost(network, i == brokerCount - 1), LocalPorts.free(), LocalPorts.free())).toList();
        String clusterId = Uuid.randomUuid().toString();
        List<Broker> brokers = IntStream.rangeClosed(1, brokerCount).parallel()
                .mapToObj(id -> Broker.create(id, endpoints, clusterId, dir.resolve("broker-" + id),
                        network != null && id == brokerCount ? network.launchPrefix() : List.of()))
                .sorted((a, b) -> Integer.compare(a.nodeId(), b.nodeId())).toList();
        Cluster cluster = new Cluster(topology, dir, brokers, network);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static String brokerHost(NetworkCut network, boolean last) {
        if (network == null) {
            return HOST;
        }
        return last ? NetworkCut.ISOLATED_ADDRESS : NetworkCut.HOST_ADDRESS;
    }

    private void startAll() {
        brokers.forEach(Broker::start);
        brokers.forEach(b -> b.awaitListening(START_TIMEOUT));
        List<String> settings = serviceSettings();
        PackagedJar.train(settings);
        addServices(Role.CONDUCTOR, "conductor", topology.conductors(), settings);
        addServices(Role.WORKER, "worker", topology.workers(), settings);
        addServices(Role.API, "api", topology.apis(), settings);
        services.forEach(Service::start);
        services.forEach(s -> s.awaitReady(START_TIMEOUT));
    }

    private void addServices(Role role, String prefix, int count, List<String> settings) {
        for (int i = 1; i <= count; i++) {
            services.add(new Service(role, prefix + "-" + i, LocalPorts.free(), dir, settings));
        }
    }

    /*
     * A member that dies is noticed after its session timeout: 10 s (instead of 45) lets a scenario see the
     * take-over within seconds of a kill, as an operator would configure a cluster that must fail over fast.
     */
    private List<String> serviceSettings() {
        return List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--gorch.kafka.replication-factor=" + topology.replicationFactor(),
                "--gorch.conductor.report-grace=" + REPORT_GRACE.toSeconds() + "s",
                "--gorch.worker.consumer[session.timeout.ms]=10000",
                "--gorch.worker.consumer[heartbeat.interval.ms]=1000",
                "--spring.kafka.streams.properties[session.timeout.ms]=10000",
                "--spring.kafka.streams.properties[heartbeat.interval.ms]=1000");
    }

    Topology topology() {
        return topology;
    }

    Path dir() {
        return dir;
    }

    String bootstrapServers() {
        return brokers.stream().map(b -> b.endpoint().bootstrap()).collect(Collectors.joining(","));
    }

    List<Broker> brokers() {
        return brokers;
    }

    /** The link of the last broker, for a topology that has one. */
    NetworkCut network() {
        if (network == null) {
            throw new IllegalStateException("this cluster has no broker that can be cut off: " + topology);
        }
        return network;
    }

    List<Service> services(Role role) {
        return services.stream().filter(s -> s.role() == role).toList();
    }

    Service service(Role role, int index) {
        return services(role).get(index);
    }

    List<URI> apis() {
        return services(Role.API).stream().map(Service::url).toList();
    }

    /** Every process runs and every service is ready: a scenario may start from here. */
    boolean healthy() {
        return brokers.stream().allMatch(b -> b.process().alive()) && services.stream().allMatch(Service::ready);
    }

    /** Starts whatever a scenario left stopped and waits until all of it is ready again. */
    void restoreAll() {
        brokers.stream().filter(b -> !b.process().alive()).forEach(Broker::start);
        brokers.forEach(b -> b.awaitListening(START_TIMEOUT));
        services.stream().filter(s -> !s.process().alive()).forEach(Service::start);
        services.forEach(s -> s.awaitReady(START_TIMEOUT));
    }

    /** Kills every process (the cluster's data is thrown away with it, so nothing needs a clean stop). */
    @Override
    public void close() {
        services.forEach(Service::close);
        brokers.forEach(Broker::close);
        if (network != null) {
            network.close();
        }
    }

    @Override
    public String toString() {
        return topology + " in " + dir;
    }
}
