package org.gorchestrator.api.triggers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The triggers this instance follows, by topic: replaced whole by {@link TriggerRunner}, read by {@link TriggerListener}. */
public final class FollowedTriggers {
    private volatile Map<String, List<Trigger>> byTopic = Map.of();

    /** The triggers that fire on the records of this topic (none paused). */
    public List<Trigger> on(String topic) {
        return byTopic.getOrDefault(topic, List.of());
    }

    /** Follows the triggers that are not paused; returns the topics they read. */
    Set<String> follow(Collection<Trigger> triggers) {
        byTopic = triggers.stream().filter(t -> !t.paused()).collect(Collectors.groupingBy(Trigger::topic));
        return Set.copyOf(byTopic.keySet());
    }
}
