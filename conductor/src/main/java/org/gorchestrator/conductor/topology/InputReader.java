package org.gorchestrator.conductor.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.message.EngineInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input topic's JSON messages for the {@link WorkflowProcessor}, and dead-letters a record
 * that is not one, with its bytes as they came ({@link DeadLetters}). A deserializer on the source
 * could only log and skip such a record (Kafka Streams' deserialization handlers cannot write in the
 * task's transaction), so the sources read bytes and this reads them.
 */
final class InputReader<T extends EngineInput> implements Processor<String, byte[], String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(InputReader.class);

    private final JsonSerde<T> serde;
    private final ConductorMetrics metrics;
    private final long maxDeadLetterBytes;
    private ProcessorContext<String, Object> context;
    private DeadLetters deadLetters;

    InputReader(Class<T> type, ConductorMetrics metrics, long maxDeadLetterBytes) {
        this.serde = JsonSerde.of(type);
        this.metrics = metrics;
        this.maxDeadLetterBytes = maxDeadLetterBytes;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.deadLetters = new DeadLetters(context, metrics, maxDeadLetterBytes);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(source -> source.topic()).orElse(null);
        T input;
        try {
            input = serde.deserialize(topic, record.value());
        } catch (SerializationException e) {
            reject(record, e.getMessage());
            return;
        }
        if (input == null) {
            reject(record, "a record without a value");
            return;
        }
        context.forward(record.withValue(input), ConductorTopology.ENGINE_PROCESSOR);
    }

    private void reject(Record<String, byte[]> record, String why) {
        LOG.warn("dead-lettering the record with key {}: {}", record.key(), why);
        deadLetters.send(RejectReason.MALFORMED, why, record.key(), record.value(), record.headers(), record.timestamp());
    }
}
