package org.gorchestrator.api.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.gorchestrator.api.view.ViewStores;

/** Reads one of the view's stores of named definitions (templates, schedules), each kept whole under its name. */
public final class NamedStore<V> {
    private final ViewStores stores;
    private final String store;

    public NamedStore(ViewStores stores, String store) {
        this.stores = stores;
        this.store = store;
    }

    /** @throws org.gorchestrator.api.view.ViewNotReadyException while the view is not running */
    public Optional<V> find(String name) {
        return stores.<String, V, Optional<V>>read(store, view -> Optional.ofNullable(view.get(name)));
    }

    /** Up to {@code count} definitions in name order, after {@code after} (null: from the first). */
    public List<V> list(String after, int count) {
        return stores.<String, V, List<V>>read(store, view -> {
            List<V> page = new ArrayList<>(count);
            try (KeyValueIterator<String, V> entries = view.range(after, null)) {
                while (entries.hasNext() && page.size() < count) {
                    var entry = entries.next();
                    if (!entry.key.equals(after)) {
                        page.add(entry.value);
                    }
                }
            }
            return page;
        });
    }
}
