package org.gorchestrator.api.view;

import java.util.Locale;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Queries the stores of this instance's view, which answer only while the view runs. */
public final class ViewStores {
    private final StreamsBuilderFactoryBean streams;

    public ViewStores(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** @throws ViewNotReadyException while the view is not running */
    public <K, V, T> T read(String store, Function<ReadOnlyKeyValueStore<K, V>, T> query) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        KafkaStreams.State state = kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new ViewNotReadyException("the workflow view is not running yet (" + state.name().toLowerCase(Locale.ROOT) + ")");
        }
        try {
            return query.apply(kafkaStreams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            throw new ViewNotReadyException("the workflow view is not available: " + e.getMessage());
        }
    }
}
