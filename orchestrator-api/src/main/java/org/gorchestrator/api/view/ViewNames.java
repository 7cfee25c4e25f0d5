package org.gorchestrator.api.view;

import java.util.Objects;
import org.gorchestrator.kafka.Topics;

/**
 * Every Kafka name of the read view: its Streams application id (one per API instance, so each
 * instance holds the whole view), the topic it reads and the store it fills.
 */
public record ViewNames(String applicationId, String stateTopic, String store) {
    public static final String APPLICATION_ID_PREFIX = "gorch-api-view-";
    public static final String STORE = "gorch-api-workflows";

    public ViewNames {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateTopic, "stateTopic");
        Objects.requireNonNull(store, "store");
    }

    public static ViewNames of(Topics topics, String instanceId) {
        return new ViewNames(APPLICATION_ID_PREFIX + instanceId, topics.workflowState(), STORE);
    }
}
