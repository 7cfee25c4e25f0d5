package org.gorchestrator.api.view;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.Stores;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.model.Graph;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;

/**
 * The view's topology: a global table of the latest state of every workflow, in a persistent store,
 * so a restart reads only what changed since. A tombstone (a purged workflow) removes the entry.
 */
public final class ViewTopology implements KafkaStreamsInfrastructureCustomizer {
    private final ViewNames names;

    public ViewTopology(ViewNames names) {
        this.names = names;
    }

    @Override
    public void configureBuilder(StreamsBuilder builder) {
        builder.globalTable(names.stateTopic(),
                Consumed.with(Serdes.String(), JsonSerde.of(Graph.class)),
                Materialized.<String, Graph>as(Stores.persistentTimestampedKeyValueStore(names.store())));
    }
}
