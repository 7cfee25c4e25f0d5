package org.gorchestrator.api.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.gorchestrator.api.config.AdmissionSettings;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;

/**
 * Refuses a submission while a backlog it would wait behind is over its limit: the conductor's inputs for every
 * submission, and the node commands of the pools its nodes run on (a busy pool does not hold up work for the others).
 * Acts on the latest reading only while it is fresh: when the backlog cannot be read (the broker is away), the
 * submission goes ahead and the broker's own answer decides, rather than old numbers refusing work for ever.
 */
public final class BacklogAdmission implements Admission {
    private final Supplier<Optional<BacklogReading>> readings;
    private final AdmissionSettings settings;
    private final Topics topics;
    private final Clock clock;
    private final Map<Backlog, Counter> refused = new EnumMap<>(Backlog.class);

    public BacklogAdmission(Supplier<Optional<BacklogReading>> readings, AdmissionSettings settings, Topics topics, Clock clock,
                            MeterRegistry meters) {
        this.readings = readings;
        this.settings = settings;
        this.topics = topics;
        this.clock = clock;
        for (Backlog backlog : Backlog.values()) {
            refused.put(backlog, Counter.builder("gorch.api.submissions.refused")
                    .description("Submissions refused (429) because this backlog was over its limit")
                    .tag("backlog", backlog.label()).register(meters));
        }
    }

    @Override
    public void admit(Graph definition) {
        Optional<BacklogReading> fresh = readings.get()
                .filter(reading -> !reading.readAt().isBefore(clock.instant().minus(settings.staleAfter())));
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> nodeTopics = definition.nodes().stream()
                .map(Node::target).map(Topics::poolOf).map(topics::nodeCommandsOfPool)
                .collect(Collectors.toSet());
        for (Lag lag : fresh.get().lags()) {
            BacklogTopic topic = lag.topic();
            long limit = topic.backlog().limit(settings);
            boolean waitedBehind = topic.backlog() != Backlog.NODE_COMMANDS || nodeTopics.contains(topic.topic());
            if (waitedBehind && lag.records() > limit) {
                refused.get(topic.backlog()).increment();
                throw new AdmissionRefusedException(lag, limit, settings.retryAfter());
            }
        }
    }
}
