package org.gorchestrator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** What a role guarantees wins over what a service was given; the rest of what it was given stays. */
class ClientRolesTest {

    @Test
    void aCommittedReaderReadsCommittedRecordsAndCommitsItself() {
        Map<String, Object> given = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true, ConsumerConfig.GROUP_ID_CONFIG, "g");

        assertThat(ClientRoles.committedReader(given)).isEqualTo(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.GROUP_ID_CONFIG, "g"));
    }

    @Test
    void anIdempotentProducerWaitsForEveryInSyncReplica() {
        Map<String, Object> given = Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.LINGER_MS_CONFIG, 7);

        assertThat(ClientRoles.idempotentProducer(given)).isEqualTo(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 7));
    }

    @Test
    void theGivenSettingsAreLeftAsTheyWere() {
        Map<String, Object> given = new java.util.HashMap<>(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "g"));

        ClientRoles.committedReader(given).put(ConsumerConfig.GROUP_ID_CONFIG, "other");

        assertThat(given).isEqualTo(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "g"));
    }
}
