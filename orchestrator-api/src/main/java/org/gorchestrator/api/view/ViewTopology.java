package org.gorchestrator.api.view;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import org.gorchestrator.api.events.LiveEvents;
import org.gorchestrator.api.events.WorkflowEventProcessor;
import org.gorchestrator.api.logs.LiveLogs;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.api.logs.LogChunkProcessor;
import org.gorchestrator.kafka.Topic;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;

/**
 * The view's topology: three global stores, persistent so a restart reads only what changed since.
 * One holds the latest state of every workflow, one every log chunk of every node attempt, one every
 * workflow event (CloudEvent) of every workflow.
 * A global store's processor also runs when the store is restored from its topic, so the stores hold
 * the same either way.
 */
public final class ViewTopology implements KafkaStreamsInfrastructureCustomizer {
    private final ViewNames names;
    private final LiveLogs live;
    private final LiveEvents events;
    private final FinishWaiters waiters;
    private final TaskChanges changes;

    public ViewTopology(ViewNames names, LiveLogs live, LiveEvents events, FinishWaiters waiters, TaskChanges changes) {
        this.names = names;
        this.live = live;
        this.events = events;
        this.waiters = waiters;
        this.changes = changes;
    }

    @Override
    public void configureBuilder(StreamsBuilder builder) {
        // Global stores are restored in the order they are added: the log and event stores first, so they are there
        // when the workflow store's restore replays a tombstone and removes the logs and events of a purged workflow.
        Topic<String, LogChunk> logs = names.logTopic();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.logStore()), logs.keySerde(), logs.valueSerde())
                        .withLoggingDisabled(),
                logs.name(), consumed(logs), () -> new LogChunkProcessor(names.logStore(), live));
        Topic<String, byte[]> eventTopic = names.eventTopic();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.eventStore()), eventTopic.keySerde(), eventTopic.valueSerde())
                        .withLoggingDisabled(),
                eventTopic.name(), consumed(eventTopic), () -> new WorkflowEventProcessor(names.eventStore(), events));
        Topic<String, byte[]> state = names.stateTopic();
        builder.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(names.store()), state.keySerde(),
                        state.valueSerde()).withLoggingDisabled(),
                state.name(), consumed(state), () -> new WorkflowStateProcessor(names, waiters, changes));
    }

    private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic) {
        return Consumed.with(topic.keySerde(), topic.valueSerde());
    }
}
