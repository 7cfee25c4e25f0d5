package org.gorchestrator.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.springframework.util.unit.DataSize;

class StoreSettingsTest {

    @Test
    void dataAtRestTakesTheCodecOfTheApplicationsProducersAndYoungerDataLz4() {
        try (Options options = new Options()) {
            new StoreSettings().setConfig("workflows", options, Map.of("compression.type", "zstd"));

            assertThat(options.bottommostCompressionType()).isEqualTo(CompressionType.ZSTD_COMPRESSION);
            assertThat(options.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
        }
    }

    @Test
    void withoutACodecNothingIsCompressed() {
        try (Options options = new Options()) {
            new StoreSettings().setConfig("workflows", options, Map.of());

            assertThat(options.compressionType()).isEqualTo(CompressionType.NO_COMPRESSION);
            assertThat(options.bottommostCompressionType()).isEqualTo(CompressionType.NO_COMPRESSION);
        }
    }

    @Test
    void everyMemtableTakesTheConfiguredSizeOrStreamsOwn() {
        try (Options configured = new Options(); Options unset = new Options()) {
            new StoreSettings().setConfig("workflows", configured, Map.of(StoreSettings.WRITE_BUFFER_CONFIG, "8MB"));
            long asStreamsLeftIt = unset.writeBufferSize();
            new StoreSettings().setConfig("workflows", unset, Map.of());

            assertThat(configured.writeBufferSize()).isEqualTo(8L << 20);
            assertThat(unset.writeBufferSize()).isEqualTo(asStreamsLeftIt);
        }
    }

    @Test
    void aWriteBufferIsADataSizeFromOneMegabyteToOneGigabyte() {
        assertThat(StoreSettings.writeBuffer(" 1GB")).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(StoreSettings.writeBuffer("2097152")).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(StoreSettings.writeBuffer(DataSize.ofMegabytes(1))).isEqualTo(DataSize.ofMegabytes(1));
        assertThatThrownBy(() -> StoreSettings.writeBuffer("512KB")).hasMessageContaining("gorch.store.write-buffer").hasMessageContaining("512KB");
        assertThatThrownBy(() -> StoreSettings.writeBuffer("2GB")).hasMessageContaining("from 1MB to 1GB");
        assertThatThrownBy(() -> StoreSettings.writeBuffer("big")).hasMessageContaining("data size").hasMessageContaining("big");
    }

    @Test
    void everyProducerCodecHasItsRocksDbTwinAndNoneOrNothingMeansUncompressed() {
        assertThat(StoreSettings.codec("lz4")).isEqualTo(CompressionType.LZ4_COMPRESSION);
        assertThat(StoreSettings.codec("GZIP")).isEqualTo(CompressionType.ZLIB_COMPRESSION);
        assertThat(StoreSettings.codec("snappy")).isEqualTo(CompressionType.SNAPPY_COMPRESSION);
        assertThat(StoreSettings.codec("none")).isEqualTo(CompressionType.NO_COMPRESSION);
        assertThat(StoreSettings.codec(null)).isEqualTo(CompressionType.NO_COMPRESSION);
    }

    @Test
    void anUnknownCodecIsRefusedByName() {
        assertThatThrownBy(() -> StoreSettings.codec("brotli")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brotli");
    }
}
