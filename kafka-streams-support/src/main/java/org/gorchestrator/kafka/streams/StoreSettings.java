package org.gorchestrator.kafka.streams;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.springframework.util.unit.DataSize;

/**
 * How the Streams applications' RocksDB stores write, where Kafka Streams' defaults cost disk or CPU:
 * <ul>
 * <li><b>Compressed.</b> Streams writes its stores uncompressed, and a store of JSON documents and events is most of
 * what a node run leaves on the disk. The data at rest (RocksDB's bottommost level) takes the codec of the
 * application's producers ({@code compression.type}, {@code gorch.kafka.compression}); younger data, which
 * compaction reads and writes again soon, takes lz4, a fraction of zstd's CPU per rewrite. Without a codec, or with
 * {@code none}, nothing is compressed.</li>
 * <li><b>Large memtables</b> ({@value #WRITE_BUFFER_CONFIG}, {@code gorch.kafka.store-write-buffer}, 64 MB by
 * default; Streams' own is 16 MB). A workflow's records are rewritten with each change of its nodes: those that
 * change again while still in memory reach the disk once, and compaction has fewer, larger files to merge. Each store
 * holds up to Streams' three memtables of this size.</li>
 * <li><b>Leveled compaction</b>, RocksDB's own default, instead of Streams' universal one. The stores' keys begin with
 * a workflow id, which sorts by submission time (unless it was derived from an idempotency key), or with a time (the
 * timers): new data lands at the end of the key range. Leveled compaction merges a new file only with the older
 * files its keys overlap, a few at the end, and moves the rest down untouched; universal compaction merges whole
 * sorted runs, so it rewrites old data with every merge. A store written by universal compaction opens as it is and
 * is leveled from then on.</li>
 * </ul>
 * The two settings it reads, the codec and the memtable size, are checked when an application is configured
 * ({@link #check}), so a wrong one stops it before a store opens.
 */
public final class StoreSettings implements RocksDBConfigSetter {
    /** Streams setting: the size of one memtable of every store, as a data size ({@code 64MB}); without it, Streams' own. */
    public static final String WRITE_BUFFER_CONFIG = "gorch.store.write-buffer";

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        CompressionType atRest = codec(configs.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        options.setCompressionType(atRest == CompressionType.NO_COMPRESSION ? atRest : CompressionType.LZ4_COMPRESSION);
        options.setBottommostCompressionType(atRest);
        options.setCompactionStyle(CompactionStyle.LEVEL);
        options.setLevelCompactionDynamicLevelBytes(true);
        DataSize writeBuffer = writeBuffer(configs.get(WRITE_BUFFER_CONFIG));
        if (writeBuffer != null) {
            options.setWriteBufferSize(writeBuffer.toBytes());
        }
    }

    /** Refuses, naming it, a codec or write buffer the stores could not take. */
    static void check(Map<String, Object> configs) {
        codec(configs.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        writeBuffer(configs.get(WRITE_BUFFER_CONFIG));
    }

    /** RocksDB's codec for a producer's {@code compression.type}; {@code none} (or nothing) for none. */
    static CompressionType codec(Object compressionType) {
        String name = compressionType == null ? "none" : compressionType.toString().trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "none" -> CompressionType.NO_COMPRESSION;
            case "gzip" -> CompressionType.ZLIB_COMPRESSION;
            case "snappy" -> CompressionType.SNAPPY_COMPRESSION;
            case "lz4" -> CompressionType.LZ4_COMPRESSION;
            case "zstd" -> CompressionType.ZSTD_COMPRESSION;
            default -> throw new IllegalArgumentException("compression.type must be none, gzip, snappy, lz4 or zstd, was " + compressionType);
        };
    }

    /** One memtable's size: the setting as a data size or a number of bytes; {@code null} without it. */
    static DataSize writeBuffer(Object setting) {
        if (setting == null) {
            return null;
        }
        DataSize size;
        try {
            size = setting instanceof DataSize given ? given : DataSize.parse(setting.toString().trim());
        } catch (IllegalArgumentException notASize) {
            throw new IllegalArgumentException(WRITE_BUFFER_CONFIG + " must be a data size such as 64MB, was " + setting, notASize);
        }
        if (size.toBytes() < DataSize.ofMegabytes(1).toBytes() || size.toBytes() > DataSize.ofGigabytes(1).toBytes()) {
            throw new IllegalArgumentException(WRITE_BUFFER_CONFIG + " must be from 1MB to 1GB, was " + setting);
        }
        return size;
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing of its own to free: codecs and sizes are settings, not objects.
    }
}
