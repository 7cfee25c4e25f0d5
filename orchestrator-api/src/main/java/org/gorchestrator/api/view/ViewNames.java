package org.gorchestrator.api.view;

import java.util.Objects;
import org.gorchestrator.kafka.Topic;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.message.LogChunk;

/**
 * Every Kafka name of the read view: its Streams application id (one per API instance, so each
 * instance holds the whole view), the topics it reads (with their serdes, from {@link TypedTopics}) and the stores it
 * fills. Documents and events stay the bytes the conductor wrote: parsed when read, not on every update.
 */
public record ViewNames(String applicationId, Topic<String, byte[]> stateTopic, String store, Topic<String, LogChunk> logTopic,
                        String logStore, Topic<String, byte[]> eventTopic, String eventStore) {
    public static final String APPLICATION_ID_PREFIX = "gorch-api-view-";
    public static final String STORE = "gorch-api-workflows";
    public static final String LOG_STORE = "gorch-api-node-logs";
    public static final String EVENT_STORE = "gorch-api-workflow-events";

    public ViewNames {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateTopic, "stateTopic");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(logTopic, "logTopic");
        Objects.requireNonNull(logStore, "logStore");
        Objects.requireNonNull(eventTopic, "eventTopic");
        Objects.requireNonNull(eventStore, "eventStore");
    }

    public static ViewNames of(Topics topics, String instanceId) {
        TypedTopics typed = TypedTopics.of(topics);
        return new ViewNames(APPLICATION_ID_PREFIX + instanceId, typed.workflowState(), STORE, typed.nodeLogs(), LOG_STORE,
                typed.workflowEvents().withRawValues(), EVENT_STORE);
    }
}
