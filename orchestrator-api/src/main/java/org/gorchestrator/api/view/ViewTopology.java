package org.gorchestrator.api.view;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import org.gorchestrator.api.events.LiveEvents;
import org.gorchestrator.api.events.WorkflowEventProcessor;
import org.gorchestrator.api.logs.LiveLogs;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.api.logs.LogChunkProcessor;
import org.gorchestrator.kafka.JsonSerde;
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
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.logStore()), Serdes.String(), JsonSerde.of(LogChunk.class))
                        .withLoggingDisabled(),
                names.logTopic(), Consumed.with(Serdes.String(), JsonSerde.of(LogChunk.class)),
                () -> new LogChunkProcessor(names.logStore(), live));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.eventStore()), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                names.eventTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new WorkflowEventProcessor(names.eventStore(), events));
        builder.addGlobalStore(
                // Documents stay the JSON bytes the conductor wrote: parsed when read, not on every update.
                Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(names.store()), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                names.stateTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new WorkflowStateProcessor(names, waiters, changes));
    }
}
