package org.gorchestrator.conductor.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.gorchestrator.conductor.topology.UnwritableRecords;

/**
 * The conductor's production exception policy: a record too large for the producer or the broker,
 * or one that cannot be serialized, is dropped, counted and reported to {@link UnwritableRecords},
 * so that its workflow fails with the reason; the conductor goes on. Any other error fails as
 * Kafka Streams' default handler does.
 */
public final class UnwritableRecordHandler implements ProductionExceptionHandler {
    static final String TOO_LARGE = "record-too-large";
    static final String NOT_SERIALIZABLE = "serialization";

    private UnwritableRecords records;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(UnwritableRecords.CONFIG) instanceof UnwritableRecords registry)) {
            throw new ConfigException(UnwritableRecords.CONFIG, configs.get(UnwritableRecords.CONFIG), "the conductor's registry of unwritable records");
        }
        this.records = registry;
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return ProductionExceptionHandlerResponse.FAIL;
        }
        records.report(record.topic(), text(record.key()), length(record.key()) + length(record.value()), TOO_LARGE, exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    @SuppressWarnings("rawtypes") // as the interface declares it: the record is not serialized yet
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                                          SerializationExceptionOrigin origin) {
        records.report(record.topic(), text(record.key()), 0, NOT_SERIALIZABLE, exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    /** The key as text (the conductor's keys are strings), or null. */
    private static String text(Object key) {
        if (key == null) {
            return null;
        }
        return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
