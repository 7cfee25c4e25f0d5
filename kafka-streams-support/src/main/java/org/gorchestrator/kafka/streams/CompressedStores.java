package org.gorchestrator.kafka.streams;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * Compresses an application's RocksDB stores with the codec its producers use ({@code compression.type} of its Streams
 * settings, {@code gorch.kafka.compression}): Kafka Streams writes its stores uncompressed, and a store of JSON
 * documents and events is most of what a node run leaves on the disk. Without a codec, or with {@code none}, the stores
 * stay as Streams makes them.
 */
public final class CompressedStores implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(codec(configs.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)));
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

    @Override
    public void close(String storeName, Options options) {
        // Nothing of its own to free: the codec is a setting, not an object.
    }
}
