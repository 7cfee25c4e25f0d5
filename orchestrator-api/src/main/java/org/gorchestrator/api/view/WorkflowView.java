package org.gorchestrator.api.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.gorchestrator.model.Graph;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Reads the latest state of workflows from this instance's copy of the view. */
public final class WorkflowView {
    private final StreamsBuilderFactoryBean streams;
    private final String store;

    public WorkflowView(StreamsBuilderFactoryBean streams, ViewNames names) {
        this.streams = streams;
        this.store = names.store();
    }

    /** @throws ViewNotReadyException while the view is not running */
    public Optional<Graph> find(String id) {
        return read(view -> Optional.ofNullable(view.get(id)));
    }

    /**
     * Up to {@code count} workflows accepted by {@code filter}, newest first (ids are time-ordered),
     * starting after the id {@code before} or at the newest when it is null.
     *
     * @throws ViewNotReadyException while the view is not running
     */
    public List<Graph> newestFirst(String before, Predicate<Graph> filter, int count) {
        return read(view -> {
            List<Graph> page = new ArrayList<>(count);
            try (KeyValueIterator<String, Graph> entries = view.reverseRange(null, before)) {
                while (entries.hasNext() && page.size() < count) {
                    KeyValue<String, Graph> entry = entries.next();
                    // range bounds are inclusive, and a cursor is the last id the client already has
                    if (!entry.key.equals(before) && entry.value != null && filter.test(entry.value)) {
                        page.add(entry.value);
                    }
                }
            }
            return page;
        });
    }

    private <T> T read(Function<ReadOnlyKeyValueStore<String, Graph>, T> query) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        KafkaStreams.State state = kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new ViewNotReadyException("the workflow view is not running yet (" + state.name().toLowerCase(Locale.ROOT) + ")");
        }
        try {
            return query.apply(kafkaStreams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore())));
        } catch (InvalidStateStoreException e) {
            throw new ViewNotReadyException("the workflow view is not available: " + e.getMessage());
        }
    }
}
