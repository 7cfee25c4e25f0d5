package org.gorchestrator.api.intake;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gorchestrator.kafka.ClientRoles;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consumer groups of API instances that start runs from records. A record's offset is committed once it was handled
 * (answered, skipped or counted); a listener that throws (the broker, the view or admission said "later") gets the
 * same record again after {@code backoff}, forever: it is never lost, and the run it starts has an id derived from the
 * record, so handling it twice starts it once. Only committed records are read, as a transactional writer meant them.
 */
public final class RecordListeners {
    private RecordListeners() {}

    /** @param instanceId the group's static membership (spring-kafka adds {@code -<n>} per consumer), or null: dynamic */
    public static ConcurrentMessageListenerContainer<String, byte[]> container(Map<String, Object> consumer, String groupId,
                                                                             String instanceId, Duration backoff,
                                                                             Collection<String> topics,
                                                                             MessageListener<String, byte[]> listener) {
        Map<String, Object> settings = ClientRoles.committedReader(consumer);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        if (instanceId != null) {
            settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        // a new group reads from the start: a request written before the group first ran is still a request
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener(listener);
        var container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(), new ByteArrayDeserializer()), properties);
        container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(backoff.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        container.setBeanName(groupId);
        return container;
    }
}
