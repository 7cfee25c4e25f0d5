package org.gorchestrator.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsRolesTest {

    @Test
    void anExactlyOnceApplicationProcessesInTransactions() {
        Map<String, Object> settings = StreamsRoles.exactlyOnce(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once",
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2), "app");

        assertThat(settings).isEqualTo(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "app",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2", StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2,
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreSettings.class));
    }

    @Test
    void theConsumersOfACommittedReaderApplicationReadCommittedRecordsOnly() {
        Map<String, Object> settings = StreamsRoles.committedReader(Map.of("consumer.isolation.level", "read_uncommitted"), "view");

        assertThat(settings).isEqualTo(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "view", "consumer.isolation.level", "read_committed",
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreSettings.class));
    }

    @Test
    void aStoreSettingTheStoresCouldNotTakeStopsTheApplicationBeforeAnyStoreOpens() {
        assertThatThrownBy(() -> StreamsRoles.exactlyOnce(Map.of(StoreSettings.WRITE_BUFFER_CONFIG, "lots"), "app"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gorch.store.write-buffer").hasMessageContaining("lots");
        assertThatThrownBy(() -> StreamsRoles.committedReader(Map.of("compression.type", "brotli"), "view"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brotli");
    }

    @Test
    void anApplicationThatNamesItsOwnStoreSetterKeepsIt() {
        Map<String, Object> settings = StreamsRoles.committedReader(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "my.Setter"), "view");

        assertThat(settings).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "my.Setter");
    }
}
