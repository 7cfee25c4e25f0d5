package org.gorchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.gorchestrator.faults.Cluster.Topology;
import org.gorchestrator.faults.Service.Role;
import org.gorchestrator.faults.Workload.Spec;
import org.gorchestrator.model.State;
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

    @RegisterExtension
    static final Clusters CLUSTERS = new Clusters();

    @Test
    @Order(1)
    @Tag("lean")
    void workerKilledWithWorkInFlight() {
        Scenario scenario = new Scenario("worker-kill9", CLUSTERS.get(Topology.ONE_BROKER));
        scenario.submitInBackground(diamonds(scenario, 30, 180), SPACING);
        Service victim = scenario.cluster().service(Role.WORKER, 0);
        scenario.awaitNodesRunningOn(victim, 2);
        scenario.fault("kill -9 of worker-1 with nodes running", () -> scenario.kill(victim.process()));
        assertPassed(scenario.finish(SETTLE_CAP));
    }

    /**
     * Both conductors restart while deadlines and retry back-offs are pending: every timer must still fire,
     * whether it fell due during the restart or after it.
     */
    @Test
    @Order(2)
    @Tag("lean")
    void conductorsRestartedWithTimersPending() {
        Scenario scenario = new Scenario("conductors-restart-timers", CLUSTERS.get(Topology.ONE_BROKER));
        Documents docs = scenario.documents();
        List<Spec> specs = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> specs.add(new Spec("deadline",
                docs.single("deadline-" + i, 40, "sleep 600", 1, 0), Set.of(State.TIMEOUT), Duration.ofSeconds(40))));
        IntStream.range(0, 4).forEach(i -> specs.add(new Spec("retry",
                docs.single("retry-" + i, 120, "sleep 0.2; [ \"$GORCH_ATTEMPT\" -ge 2 ]", 2, 20), SUCCESS, Duration.ofSeconds(120))));
        specs.addAll(diamonds(scenario, 6, 120));
        scenario.submitInBackground(specs, Duration.ofMillis(200));
        scenario.awaitSubmitted();
        scenario.awaitStarts(8);
        List<Service> conductors = scenario.cluster().services(Role.CONDUCTOR);
        scenario.fault("graceful restart of both conductors with deadlines and retries pending", () -> {
            conductors.parallelStream().forEach(c -> scenario.stop(c.process()));
            conductors.forEach(scenario::start);
            conductors.forEach(c -> c.awaitReady(Cluster.START_TIMEOUT));
        });
        assertPassed(scenario.finish(SETTLE_CAP));
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
