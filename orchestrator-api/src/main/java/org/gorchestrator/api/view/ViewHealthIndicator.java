package org.gorchestrator.api.view;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up once this instance's view answers reads: its global stores have caught up with the state topic
 * (Kafka Streams runs only after restoring them). Before that every read would be a 503, so the
 * instance is out of service and a load balancer must not send it traffic.
 */
public final class ViewHealthIndicator extends AbstractHealthIndicator {
    private final ViewStores stores;
    private final String store;

    public ViewHealthIndicator(ViewStores stores, ViewNames names) {
        this.stores = stores;
        this.store = names.store();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            long workflows = stores.<String, byte[], Long>read(store, ReadOnlyKeyValueStore::approximateNumEntries);
            builder.up().withDetail("workflows", workflows);
        } catch (ViewNotReadyException e) {
            builder.outOfService().withDetail("reason", e.getMessage());
        }
    }
}
