package org.gorchestrator.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

class CompressedStoresTest {

    @Test
    void aStoreTakesTheCodecOfTheApplicationsProducers() {
        try (Options options = new Options()) {
            new CompressedStores().setConfig("workflows", options, Map.of("compression.type", "zstd"));

            assertThat(options.compressionType()).isEqualTo(CompressionType.ZSTD_COMPRESSION);
        }
    }

    @Test
    void everyProducerCodecHasItsRocksDbTwinAndNoneOrNothingMeansUncompressed() {
        assertThat(CompressedStores.codec("lz4")).isEqualTo(CompressionType.LZ4_COMPRESSION);
        assertThat(CompressedStores.codec("GZIP")).isEqualTo(CompressionType.ZLIB_COMPRESSION);
        assertThat(CompressedStores.codec("snappy")).isEqualTo(CompressionType.SNAPPY_COMPRESSION);
        assertThat(CompressedStores.codec("none")).isEqualTo(CompressionType.NO_COMPRESSION);
        assertThat(CompressedStores.codec(null)).isEqualTo(CompressionType.NO_COMPRESSION);
    }

    @Test
    void anUnknownCodecIsRefusedByName() {
        assertThatThrownBy(() -> CompressedStores.codec("brotli")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brotli");
    }
}
