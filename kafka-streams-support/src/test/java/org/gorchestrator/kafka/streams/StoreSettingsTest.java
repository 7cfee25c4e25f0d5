package org.gorchestrator.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
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

    @Test
    void storesAreLeveledAndAStoreThatStreamsCompactedUniversallyOpensWithEverythingInIt(@TempDir Path dir) throws RocksDBException {
        String path = dir.resolve("workflows").toString();
        try (Options streams = new Options().setCreateIfMissing(true).setCompactionStyle(CompactionStyle.UNIVERSAL)
                .setWriteBufferSize(64 << 10); RocksDB db = RocksDB.open(streams, path);
                CompactRangeOptions whole = new CompactRangeOptions()
                        .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)) {
            writeAndFlush(db, 0, 3_000); // several sorted runs, then one at the bottom
            db.compactRange(db.getDefaultColumnFamily(), null, null, whole);
            writeAndFlush(db, 3_000, 4_000);
        }
        try (Options options = new Options()) {
            new StoreSettings().setConfig("workflows", options, Map.of("compression.type", "zstd"));
            assertThat(options.compactionStyle()).isEqualTo(CompactionStyle.LEVEL);
            try (RocksDB db = RocksDB.open(options, path)) {
                writeAndFlush(db, 4_000, 5_000);
                db.compactRange();
                for (int i = 0; i < 5_000; i++) {
                    assertThat(db.get(key(i))).as("key %d", i).isEqualTo(value(i));
                }
            }
        }
    }

    /** Keys in time order, as workflow ids are, each flushed batch a file of its own. */
    private static void writeAndFlush(RocksDB db, int from, int to) throws RocksDBException {
        try (FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
            for (int i = from; i < to; i++) {
                db.put(key(i), value(i));
                if (i % 500 == 499) {
                    db.flush(wait);
                }
            }
            db.flush(wait);
        }
    }

    private static byte[] key(int i) {
        return "%08d".formatted(i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        return ("{\"node\":" + i + ",\"state\":\"success\"}").getBytes(StandardCharsets.UTF_8);
    }
}
