package org.gorchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.gorchestrator.faults.Cluster.Topology;
import org.gorchestrator.faults.Service.Role;
import org.gorchestrator.faults.Workload.Spec;
import org.gorchestrator.model.State;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault scenarios on a cluster of separate processes (brokers, 2 conductors, 3 workers, 2 APIs). Each one
 * runs a workload of recording shell nodes, injects its fault, waits for every workflow to settle and
 * asserts the invariants of {@link ScenarioReport}. Tagged {@code lean}: run by {@code ./mvnw -B verify};
 * {@code full}: only with {@code -Pfaults} (RELIABILITY.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosTest {
    private static final Set<State> SUCCESS = Set.of(State.SUCCESS);
    private static final Duration SPACING = Duration.ofMillis(400);
    private static final Duration SETTLE_CAP = Duration.ofMinutes(6);
    private static final Duration SETTLE_CAP_LONG = Duration.ofMinutes(10);

    @RegisterExtension
    static final Clusters CLUSTERS = new Clusters();

    @Test
    @Order(1)
    @Tag("lean")
    void workerKilledWithWorkInFlight() {
        Scenario scenario = new Scenario("worker-kill9", CLUSTERS.get(Topology.ONE_BROKER));
        scenario.submitInBackground(diamonds(scenario, 30, 180), SPACING);
        Service victim = scenario.cluster().service(Role.WORKER, 0);
        scenario.awaitNodesRunningOn(victim, 1);
        scenario.fault("kill -9 of worker-1 with nodes running", () -> scenario.kill(victim.process()));
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    @Test
    @Order(2)
    @Tag("lean")
    void conductorsRestartedWithTimersPending() {
        timersAcrossConductorRestart("conductors-restart-timers", "graceful restart (SIGTERM) of both conductors", ManagedProcess::terminate);
    }

    @Test
    @Order(3)
    @Tag("full")
    void conductorKilledWithWorkInFlight() {
        Scenario scenario = underLoad("conductor-kill9", Topology.ONE_BROKER, 40, 180);
        Service victim = scenario.cluster().service(Role.CONDUCTOR, 0);
        scenario.fault("kill -9 of conductor-1", () -> scenario.kill(victim.process()));
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    /** Submissions to the killed instance fail (and count as not accepted); every accepted workflow still ends. */
    @Test
    @Order(4)
    @Tag("full")
    void apiKilledDuringSubmissions() {
        Scenario scenario = underLoad("api-kill9", Topology.ONE_BROKER, 40, 180);
        Service victim = scenario.cluster().service(Role.API, 0);
        scenario.fault("kill -9 of api-1 while workflows are submitted to both", () -> scenario.kill(victim.process()));
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    @Test
    @Order(5)
    @Tag("full")
    void brokerKilledForTenSeconds() {
        brokerOutage("broker-kill9-10s", Duration.ofSeconds(10));
    }

    @Test
    @Order(6)
    @Tag("full")
    void brokerKilledForTwoMinutes() {
        brokerOutage("broker-kill9-120s", Duration.ofSeconds(120));
    }

    private void brokerOutage(String name, Duration outage) {
        Scenario scenario = underLoad(name, Topology.ONE_BROKER, 40, 400);
        Broker broker = scenario.cluster().brokers().get(0);
        scenario.fault("kill -9 of the broker, restarted after " + outage.toSeconds() + " s", () -> {
            scenario.kill(broker.process());
            Workload.sleep(outage);
            scenario.start(broker);
            broker.awaitListening(Cluster.START_TIMEOUT);
        });
        assertPassed(scenario.finish(SETTLE_CAP_LONG));
    }

    @Test
    @Order(7)
    @Tag("full")
    void workerRestartedGracefully() {
        Scenario scenario = underLoad("worker-restart", Topology.ONE_BROKER, 40, 180);
        Service worker = scenario.cluster().service(Role.WORKER, 0);
        scenario.awaitNodesRunningOn(worker, 2);
        restartGracefully(scenario, worker);
    }

    @Test
    @Order(8)
    @Tag("full")
    void conductorRestartedGracefully() {
        Scenario scenario = underLoad("conductor-restart", Topology.ONE_BROKER, 40, 180);
        restartGracefully(scenario, scenario.cluster().service(Role.CONDUCTOR, 0));
    }

    @Test
    @Order(9)
    @Tag("full")
    void apiRestartedGracefully() {
        Scenario scenario = underLoad("api-restart", Topology.ONE_BROKER, 40, 180);
        restartGracefully(scenario, scenario.cluster().service(Role.API, 0));
    }

    @Test
    @Order(10)
    @Tag("full")
    void brokerRestartedGracefully() {
        Scenario scenario = underLoad("broker-restart", Topology.ONE_BROKER, 40, 300);
        Broker broker = scenario.cluster().brokers().get(0);
        scenario.fault("graceful restart (SIGTERM) of the broker", () -> {
            scenario.stop(broker.process());
            scenario.start(broker);
            broker.awaitListening(Cluster.START_TIMEOUT);
        });
        assertPassed(scenario.finish(SETTLE_CAP_LONG));
    }

    private static void restartGracefully(Scenario scenario, Service service) {
        scenario.fault("graceful restart (SIGTERM) of " + service.name() + " with work in flight", () -> {
            scenario.stop(service.process());
            scenario.start(service);
            service.awaitReady(Cluster.START_TIMEOUT);
        });
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    /** Timers must survive a crash as well as a clean stop. */
    @Test
    @Order(11)
    @Tag("full")
    void conductorsKilledWithTimersPending() {
        timersAcrossConductorRestart("conductors-kill9-timers", "kill -9 of both conductors", (process, grace) -> process.kill());
    }

    /**
     * Deadlines and retry back-offs pending while both conductors stop and start again: every timer must fire,
     * whether it fell due while they were down or after.
     */
    private static void timersAcrossConductorRestart(String name, String how, BiConsumer<ManagedProcess, Duration> stop) {
        Scenario scenario = new Scenario(name, CLUSTERS.get(Topology.ONE_BROKER));
        scenario.submitInBackground(timerWorkload(scenario), Duration.ofMillis(200));
        scenario.awaitSubmitted();
        scenario.awaitStarts(8);
        List<Service> conductors = scenario.cluster().services(Role.CONDUCTOR);
        scenario.fault(how + " with deadlines and retries pending, then started again", () -> {
            conductors.parallelStream().forEach(c -> scenario.stop(c.process(), stop));
            conductors.forEach(scenario::start);
            conductors.forEach(c -> c.awaitReady(Cluster.START_TIMEOUT));
        });
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    /**
     * Outputs too big for one record: twenty nodes of one workflow each capture 600 kB (the workflow's state outgrows
     * a record), one node prints 1.5 MB (its result outgrows a produce request). Those workflows may fail, but must
     * end, and the workflows around them must not notice.
     */
    @Test
    @Order(12)
    @Tag("full")
    void oversizedOutputs() {
        Scenario scenario = underLoad("oversized-outputs", Topology.ONE_BROKER, 20, 180);
        Documents docs = scenario.documents();
        Set<State> ends = Set.of(State.SUCCESS, State.FAILURE);
        List<Spec> big = List.of(
                new Spec("20x600kB", docs.wide("outputs-20x600kB", 180, 20, output(600_000)), ends, Duration.ofSeconds(180)),
                new Spec("1x1.5MB", docs.wide("output-1.5MB", 180, 1, output(1_500_000)), ends, Duration.ofSeconds(180)));
        scenario.fault("a workflow of 20 outputs of 600 kB and one of 1.5 MB submitted among others", () -> scenario.submitInBackground(big, SPACING));
        scenario.submitInBackground(diamonds(scenario, 20, 180), SPACING);
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    private static String output(int bytes) {
        return "printf out=; head -c " + bytes + " /dev/zero | tr '\\0' x; echo";
    }

    /** Three brokers, topics with three replicas and two in sync required: losing one must not stop anything. */
    @Test
    @Order(13)
    @Tag("full")
    void oneOfThreeBrokersKilled() {
        Scenario scenario = underLoad("kraft3-broker-kill9", Topology.THREE_BROKERS, 40, 180);
        Broker victim = scenario.cluster().brokers().get(1);
        scenario.fault("kill -9 of broker 2 of 3 (replication 3, min ISR 2), not restarted", () -> scenario.kill(victim.process()));
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    /**
     * Broker 3 of 3 loses its network for a minute (its link down: packets dropped, nothing refused), the way a switch
     * port or a partition fails, while it may lead partitions or the controller quorum; then it comes back.
     */
    @Test
    @Order(14)
    @Tag("full")
    void oneOfThreeBrokersCutOffByTheNetwork() {
        NetworkCut.unavailable().ifPresent(reason -> Assumptions.abort("no network cut here: " + reason));
        Scenario scenario = underLoad("kraft3-broker-cut-60s", Topology.THREE_BROKERS_ONE_CUTTABLE, 40, 300);
        NetworkCut network = scenario.cluster().network();
        scenario.fault("broker 3 of 3 cut off by the network for 60 s (link down), then reconnected", () -> {
            network.cut();
            Workload.sleep(Duration.ofSeconds(60));
            network.heal();
        });
        assertPassed(scenario.finish(SETTLE_CAP_LONG));
    }

    /** A cluster of {@code topology} with {@code count} diamonds submitted in the background and some of them running. */
    private static Scenario underLoad(String name, Topology topology, int count, int graphTimeout) {
        Scenario scenario = new Scenario(name, CLUSTERS.get(topology));
        scenario.submitInBackground(diamonds(scenario, count, graphTimeout), SPACING);
        scenario.awaitStarts(8);
        return scenario;
    }

    private static List<Spec> timerWorkload(Scenario scenario) {
        Documents docs = scenario.documents();
        List<Spec> specs = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> specs.add(new Spec("deadline",
                docs.single("deadline-" + i, 40, "sleep 600", 1, 0), Set.of(State.TIMEOUT), Duration.ofSeconds(40))));
        IntStream.range(0, 4).forEach(i -> specs.add(new Spec("retry",
                docs.single("retry-" + i, 120, "sleep 0.2; [ \"$GORCH_ATTEMPT\" -ge 2 ]", 2, 20), SUCCESS, Duration.ofSeconds(120))));
        specs.addAll(diamonds(scenario, 6, 120));
        return specs;
    }

    /** {@code count} diamonds of four 0.5 s shell nodes, each expected to succeed within {@code graphTimeout} seconds. */
    private static List<Spec> diamonds(Scenario scenario, int count, int graphTimeout) {
        return IntStream.range(0, count).mapToObj(i -> new Spec("diamond",
                scenario.documents().diamond("diamond-" + i, graphTimeout, "sleep 0.5"), SUCCESS, Duration.ofSeconds(graphTimeout))).toList();
    }

    private static void assertPassed(ScenarioReport report) {
        assertThat(report.violations()).as(report.describe()).isEmpty();
        assertThat(report.accepted()).as("accepted workflows").isPositive();
    }
}
