package org.gorchestrator.api.view;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import org.gorchestrator.api.logs.LiveLogs;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.api.logs.LogChunkProcessor;
import org.gorchestrator.kafka.JsonSerde;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;

/**
 * The view's topology: two global stores, persistent so a restart reads only what changed since.
 * One holds the latest state of every workflow, the other every log chunk of every node attempt.
 * A global store's processor also runs when the store is restored from its topic, so the stores hold
 * the same either way.
 */
public final class ViewTopology implements KafkaStreamsInfrastructureCustomizer {
    private final ViewNames names;
    private final LiveLogs live;
    private final FinishWaiters waiters;

    public ViewTopology(ViewNames names, LiveLogs live, FinishWaiters waiters) {
        this.names = names;
        this.live = live;
        this.waiters = waiters;
    }

    @Override
    public void configureBuilder(StreamsBuilder builder) {
        // Global stores are restored in the order they are added: the log store first, so it is there
        // when the workflow store's restore replays a tombstone and removes the logs of a purged workflow.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.logStore()), Serdes.String(), JsonSerde.of(LogChunk.class))
                        .withLoggingDisabled(),
                names.logTopic(), Consumed.with(Serdes.String(), JsonSerde.of(LogChunk.class)),
                () -> new LogChunkProcessor(names.logStore(), live));
        builder.addGlobalStore(
                // Documents stay the JSON bytes the conductor wrote: parsed when read, not on every update.
                Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(names.store()), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                names.stateTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new WorkflowStateProcessor(names, waiters));
    }
}
