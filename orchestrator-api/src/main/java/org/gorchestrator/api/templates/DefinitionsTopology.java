package org.gorchestrator.api.templates;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.streams.LatestByKeyProcessor;
import org.gorchestrator.kafka.StartTopics;
import org.gorchestrator.schedule.Schedule;
import org.gorchestrator.template.Template;
import org.gorchestrator.api.triggers.Trigger;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;

/**
 * Adds to the API's view global stores, like its workflow store: every template, schedule and trigger, read
 * from their compacted topics, so each instance answers reads of them and makes runs of templates by itself.
 */
public final class DefinitionsTopology implements KafkaStreamsInfrastructureCustomizer {
    public static final String TEMPLATE_STORE = "gorch-api-templates";
    public static final String SCHEDULE_STORE = "gorch-api-schedules";
    public static final String TRIGGER_STORE = "gorch-api-triggers";

    private final StartTopics topics;

    public DefinitionsTopology(StartTopics topics) {
        this.topics = topics;
    }

    @Override
    public void configureBuilder(StreamsBuilder builder) {
        addStore(builder, TEMPLATE_STORE, topics.templates(), JsonSerde.of(Template.class));
        addStore(builder, SCHEDULE_STORE, topics.schedules(), JsonSerde.of(Schedule.class));
        addStore(builder, TRIGGER_STORE, topics.triggers(), JsonSerde.of(Trigger.class));
    }

    private static <V> void addStore(StreamsBuilder builder, String store, String topic, JsonSerde<V> values) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), values).withLoggingDisabled(),
                topic, Consumed.with(Serdes.String(), values), () -> new LatestByKeyProcessor<V>(store));
    }
}
