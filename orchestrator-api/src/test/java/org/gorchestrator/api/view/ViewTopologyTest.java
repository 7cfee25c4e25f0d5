package org.gorchestrator.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.gorchestrator.api.events.LiveEvents;
import org.gorchestrator.api.logs.LiveLogs;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view started on topics that already hold records, as after a restart that lost its state:
 * the records go through the view's processors, so the stores hold what live processing gives.
 */
@ExtendWith(KafkaBroker.class)
class ViewTopologyTest {
    private final String run = UUID.randomUUID().toString();
    private final TypedTopics topics = TypedTopics.of(new Topics("commands-" + run, "node-commands-" + run, "node-events-" + run,
            "events-" + run, "state-" + run, "control-" + run, "logs-" + run, 2, 2, (short) 1, Topics.DEFAULTS.eventRetention(),
            Topics.DEFAULTS.maxMessageBytes(), Topics.DEFAULTS.logRetention(), List.of()));
    private final ViewNames names = new ViewNames("view-test-" + run, topics.workflowState(), ViewNames.STORE, topics.nodeLogs(),
            ViewNames.LOG_STORE, topics.workflowEvents().withRawValues(), ViewNames.EVENT_STORE);

    @TempDir
    Path stateDir;

    @Test
    void aRestoredViewKeysLogsByAttemptAndEventsByOffsetAndDropsThoseOfPurgedWorkflows() throws Exception {
        createTopics();
        send(names.stateTopic().name(), "kept", Graphs.seedExample().withId("kept"));
        send(names.stateTopic().name(), "purged", Graphs.seedExample().withId("purged"));
        send(names.logTopic().name(), "kept/0", chunk("kept", 0, "one"));
        send(names.logTopic().name(), "kept/0", chunk("kept", 1, "two"));
        send(names.logTopic().name(), "purged/0", chunk("purged", 0, "gone"));
        send(names.eventTopic().name(), "kept", Map.of("id", "first"));
        send(names.eventTopic().name(), "purged", Map.of("id", "gone"));
        send(names.eventTopic().name(), "kept", Map.of("id", "second"));
        send(names.stateTopic().name(), "purged", null);

        try (KafkaStreams view = start()) {
            assertThat(keys(view, names.store())).containsExactly("kept");
            assertThat(keys(view, names.logStore())).containsExactly(
                    "kept/0/1/stdout/0000000000000000000", "kept/0/1/stdout/0000000000000000001");
            assertThat(keys(view, names.eventStore())).containsExactly("kept/0000000000000000000", "kept/0000000000000000002");
        }
    }

    @Test
    void aRestoredViewHoldsTheLatestPartOfEachWorkflowInPartsAndNoneOfAPurgedOne() throws Exception {
        createTopics();
        for (String id : List.of("large", "gone")) {
            send(names.stateTopic().name(), StateRecords.nodeKey(id, 0), Map.of("id", 0, "state", 0));
            send(names.stateTopic().name(), StateRecords.nodeKey(id, 1), Map.of("id", 1, "state", 0));
            send(names.stateTopic().name(), id, Graphs.seedExample().withId(id).withNodes(List.of()));
        }
        send(names.stateTopic().name(), StateRecords.nodeKey("large", 1), Map.of("id", 1, "state", 2));
        send(names.stateTopic().name(), "gone", null); // its nodes' tombstones missing: the header's removes them too

        try (KafkaStreams view = start()) {
            assertThat(keys(view, names.store())).containsExactly("large", StateRecords.nodeKey("large", 0), StateRecords.nodeKey("large", 1));
            ReadOnlyKeyValueStore<String, byte[]> store = view.store(StoreQueryParameters.fromNameAndType(names.store(),
                    QueryableStoreTypes.keyValueStore()));
            assertThat(TopLevelState.of(store.get(StateRecords.nodeKey("large", 1)))).isEqualTo(org.gorchestrator.model.State.RUNNING);
        }
    }

    private KafkaStreams start() {
        StreamsBuilder builder = new StreamsBuilder();
        new ViewTopology(names, new LiveLogs(), new LiveEvents(), new FinishWaiters(1), new TaskChanges()).configureBuilder(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, names.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private static List<String> keys(KafkaStreams view, String store) {
        ReadOnlyKeyValueStore<String, Object> entries = view.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Object> all = entries.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(names.stateTopic().name(), 2, (short) 1), new NewTopic(names.logTopic().name(), 2, (short) 1),
                            new NewTopic(names.eventTopic().name(), 1, (short) 1)))
                    .all().get();
        }
    }

    private static void send(String topic, String key, Object value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), JsonSerde.of(Object.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static LogChunk chunk(String workflowId, long seq, String line) {
        return new LogChunk(workflowId, 0, 1, LogChunk.STDOUT, seq, List.of(line), false, Instant.now());
    }
}
