package org.gorchestrator.api.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BacklogMonitorTest {
    private static final BacklogTopic COMMANDS = new BacklogTopic(Backlog.WORKFLOW_COMMANDS, "conductors", "wc");
    private static final BacklogTopic NODES = new BacklogTopic(Backlog.NODE_COMMANDS, "workers", "nc");

    private final AtomicReference<List<Lag>> lags = new AtomicReference<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);
    private final BacklogMonitor monitor = new BacklogMonitor(() -> {
        List<Lag> read = lags.get();
        if (read == null) {
            throw new IllegalStateException("broker away");
        }
        return read;
    }, List.of(COMMANDS, NODES), Duration.ofHours(1), clock, meters);

    @AfterEach
    void close() throws Exception {
        monitor.close();
    }

    @Test
    void beforeAnyReadingThereIsNothingToActOnAndTheGaugesSaySo() {
        assertThat(monitor.latest()).isEmpty();
        assertThat(gauge(COMMANDS)).isNaN();
    }

    @Test
    void aReadingIsKeptAndShownByTopic() {
        lags.set(List.of(new Lag(COMMANDS, 12), new Lag(NODES, 34)));

        monitor.poll();

        assertThat(monitor.latest()).get().extracting(BacklogReading::readAt).isEqualTo(clock.instant());
        assertThat(gauge(COMMANDS)).isEqualTo(12);
        assertThat(gauge(NODES)).isEqualTo(34);
        assertThat(meters.get("gorch.api.backlog.age").gauge().value()).isZero();
    }

    @Test
    void aFailedReadKeepsThePreviousReadingForAdmissionToJudgeItsAge() {
        lags.set(List.of(new Lag(COMMANDS, 12), new Lag(NODES, 34)));
        monitor.poll();
        BacklogReading first = monitor.latest().orElseThrow();
        lags.set(null);

        monitor.poll();

        assertThat(monitor.latest()).contains(first);
    }

    private double gauge(BacklogTopic topic) {
        return meters.get("gorch.api.backlog.records").tag("backlog", topic.backlog().label()).tag("topic", topic.topic())
                .tag("group", topic.group()).gauge().value();
    }
}
