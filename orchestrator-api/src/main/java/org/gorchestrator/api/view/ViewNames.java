package org.gorchestrator.api.view;

import java.util.Objects;
import org.gorchestrator.kafka.Topics;

/**
 * Every Kafka name of the read view: its Streams application id (one per API instance, so each
 * instance holds the whole view), the topics it reads and the stores it fills.
 */
public record ViewNames(String applicationId, String stateTopic, String store, String logTopic, String logStore, String eventTopic,
                        String eventStore) {
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
        return new ViewNames(APPLICATION_ID_PREFIX + instanceId, topics.workflowState(), STORE, topics.nodeLogs(), LOG_STORE,
                topics.workflowEvents(), EVENT_STORE);
    }
}
