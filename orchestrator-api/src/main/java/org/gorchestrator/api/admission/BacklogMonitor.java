package org.gorchestrator.api.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.api.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the backlog every poll interval on its own thread, so that a submission only looks at the latest reading and
 * never waits for the broker. Shows each lag, and the age of the reading, as gauges.
 */
public final class BacklogMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BacklogMonitor.class);

    private final LagSource source;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gorch-api-backlog-"));
    private volatile BacklogReading latest;
    private boolean failing; // only the poller's thread touches it

    public BacklogMonitor(LagSource source, List<BacklogTopic> watched, Duration interval, Clock clock, MeterRegistry meters) {
        this.source = source;
        this.interval = interval;
        this.clock = clock;
        for (BacklogTopic topic : watched) {
            Gauge.builder("gorch.api.backlog.records", this, monitor -> monitor.recordsOf(topic))
                    .description("Records of the topic its consumer group had yet to handle at the latest reading")
                    .tag("backlog", topic.backlog().label()).tag("topic", topic.topic()).tag("group", topic.group())
                    .register(meters);
        }
        Gauge.builder("gorch.api.backlog.age", this, BacklogMonitor::ageSeconds).baseUnit("seconds")
                .description("Age of the latest reading of the backlog; admission ignores a reading older than its stale-after")
                .register(meters);
    }

    /** Reads now, then every interval, until closed. */
    public BacklogMonitor start() {
        poller.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest successful reading, however old. */
    public Optional<BacklogReading> latest() {
        return Optional.ofNullable(latest);
    }

    /** Reads once, now: what each poll does. */
    void poll() {
        try {
            latest = new BacklogReading(clock.instant(), source.read());
            if (failing) {
                LOG.info("the backlog can be read again");
                failing = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Once per outage: the broker being away is logged by everything else too.
            if (!failing) {
                LOG.warn("cannot read the backlog, admission acts on its latest reading until it is stale: {}", e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void close() throws Exception {
        poller.shutdownNow();
        poller.awaitTermination(interval.toMillis() + 1000, TimeUnit.MILLISECONDS);
        source.close();
    }

    private double recordsOf(BacklogTopic topic) {
        BacklogReading reading = latest;
        if (reading == null) {
            return Double.NaN;
        }
        return reading.lags().stream().filter(lag -> lag.topic().equals(topic)).mapToDouble(Lag::records).findFirst().orElse(Double.NaN);
    }

    private double ageSeconds() {
        BacklogReading reading = latest;
        return reading == null ? Double.NaN : Duration.between(reading.readAt(), clock.instant()).toMillis() / 1000.0;
    }
}
