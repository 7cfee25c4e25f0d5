package org.gorchestrator.api.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.gorchestrator.api.config.AdmissionSettings;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.junit.jupiter.api.Test;

class BacklogAdmissionTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final AdmissionSettings SETTINGS = new AdmissionSettings(true, Duration.ofSeconds(1), Duration.ofSeconds(10),
            100, 200, 300, Duration.ofSeconds(7), "conductors", "workers");
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1 << 20, Duration.ofDays(1), List.of("gpu"));
    private static final List<BacklogTopic> WATCHED = BacklogTopic.watched(TOPICS, SETTINGS);

    private final AtomicReference<BacklogReading> latest = new AtomicReference<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BacklogAdmission admission = new BacklogAdmission(() -> Optional.ofNullable(latest.get()), SETTINGS, TOPICS,
            Clock.fixed(NOW, ZoneOffset.UTC), meters);

    @Test
    void theConductorsInputsAndEveryPoolAreWatchedUnderTheirGroups() {
        assertThat(WATCHED).containsExactly(
                new BacklogTopic(Backlog.WORKFLOW_COMMANDS, "conductors", "wc"),
                new BacklogTopic(Backlog.NODE_EVENTS, "conductors", "ne"),
                new BacklogTopic(Backlog.NODE_COMMANDS, "workers", "nc"),
                new BacklogTopic(Backlog.NODE_COMMANDS, "workers", "nc.gpu"));
    }

    @Test
    void backlogsUpToTheirLimitsAdmit() {
        read(NOW, 100, 200, 300, 300);

        assertThatCode(() -> admission.admit(graph(null, "pool:gpu"))).doesNotThrowAnyException();
        assertThat(refused("workflow-commands") + refused("node-events") + refused("node-commands")).isZero();
    }

    @Test
    void workflowCommandsOverTheLimitRefuseNamingTheBacklogAndCountingIt() {
        read(NOW, 101, 0, 0, 0);

        AdmissionRefusedException e = catchThrowableOfType(AdmissionRefusedException.class, () -> admission.admit(graph((String) null)));

        assertThat(e.lag().topic()).isEqualTo(WATCHED.get(0));
        assertThat(e.lag().records()).isEqualTo(101);
        assertThat(e.limit()).isEqualTo(100);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("workflow commands", "topic wc", "group conductors", "101", "100",
                "gorch.api.admission.max-workflow-commands-lag");
        assertThat(refused("workflow-commands")).isEqualTo(1);
    }

    @Test
    void nodeEventsOverTheLimitRefuseEverySubmission() {
        read(NOW, 0, 201, 0, 0);

        AdmissionRefusedException e = catchThrowableOfType(AdmissionRefusedException.class, () -> admission.admit(graph("pool:gpu")));

        assertThat(e.lag().topic().backlog()).isEqualTo(Backlog.NODE_EVENTS);
        assertThat(refused("node-events")).isEqualTo(1);
    }

    @Test
    void aPoolsNodeCommandsOverTheLimitRefuseOnlyWorkflowsWithNodesInThatPool() {
        read(NOW, 0, 0, 0, 301);

        assertThatCode(() -> admission.admit(graph(null, "some-host"))).doesNotThrowAnyException();
        AdmissionRefusedException e = catchThrowableOfType(AdmissionRefusedException.class,
                () -> admission.admit(graph(null, "pool:gpu")));

        assertThat(e.lag().topic().topic()).isEqualTo("nc.gpu");
        assertThat(e.getMessage()).contains("node commands", "gorch.api.admission.max-node-commands-lag");
        assertThat(refused("node-commands")).isEqualTo(1);
    }

    @Test
    void theDefaultPoolsNodeCommandsOverTheLimitRefuseWorkflowsWithNodesThere() {
        read(NOW, 0, 0, 301, 0);

        assertThatCode(() -> admission.admit(graph("pool:gpu"))).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(AdmissionRefusedException.class, () -> admission.admit(graph("pool:gpu", "pool:default"))))
                .isNotNull();
    }

    @Test
    void aStaleReadingRefusesNothing() {
        read(NOW.minus(Duration.ofSeconds(11)), 1_000_000, 1_000_000, 1_000_000, 1_000_000);

        assertThatCode(() -> admission.admit(graph((String) null))).doesNotThrowAnyException();
    }

    @Test
    void aReadingJustWithinTheStalenessIsActedOn() {
        read(NOW.minus(Duration.ofSeconds(10)), 101, 0, 0, 0);

        assertThat(catchThrowableOfType(AdmissionRefusedException.class, () -> admission.admit(graph((String) null)))).isNotNull();
    }

    @Test
    void noReadingYetRefusesNothing() {
        assertThatCode(() -> admission.admit(graph((String) null))).doesNotThrowAnyException();
    }

    private void read(Instant at, long... records) {
        List<Lag> lags = new java.util.ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            lags.add(new Lag(WATCHED.get(i), records[i]));
        }
        latest.set(new BacklogReading(at, lags));
    }

    private double refused(String backlog) {
        return meters.get("gorch.api.submissions.refused").tag("backlog", backlog).counter().count();
    }

    private static Graph graph(String... targets) {
        List<Node> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            nodes.add(Node.of(i, "n" + i, "nil", null, List.of()).withTarget(targets[i]));
        }
        return Graph.of("g", new java.util.ArrayList<>(java.util.Collections.nCopies(targets.length * targets.length, 0)), nodes);
    }
}
