package org.gorchestrator.conductor.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Sends the input records the conductor refuses to the dead-letter topic, through the topology's
 * {@link ConductorTopology#DEAD_LETTER_SINK}: in the input's own exactly-once transaction, so a replay
 * of the input after an abort does not write its dead letter twice. A dead letter is the input's key
 * and value (the bytes that came when they could not be read, else the message as read, written
 * again), with the reason and where it came from in headers ({@link #REASON} and the rest): a record
 * fixed by hand can be sent again as it is. Each is counted in
 * {@code gorch_conductor_rejected_inputs_total{reason}}.
 */
final class DeadLetters {
    static final String REASON = "gorch.rejected.reason";
    static final String DETAIL = "gorch.rejected.detail";
    static final String TOPIC = "gorch.rejected.topic";
    static final String PARTITION = "gorch.rejected.partition";
    static final String OFFSET = "gorch.rejected.offset";
    /** Set, to the value's size, when the value was left out because with the headers it would not fit a record. */
    static final String VALUE_DROPPED = "gorch.rejected.value-dropped";
    private static final int MAX_DETAIL_CHARS = 1024;

    private final ProcessorContext<String, Object> context;
    private final ConductorMetrics metrics;
    private final long maxValueBytes;

    /** {@code maxValueBytes}: the largest value a dead letter carries, leaving room in its record for the key and headers. */
    DeadLetters(ProcessorContext<String, Object> context, ConductorMetrics metrics, long maxValueBytes) {
        this.context = context;
        this.metrics = metrics;
        this.maxValueBytes = maxValueBytes;
    }

    /** Refuses the input record being processed, which came as {@code key}, {@code value} and {@code headers}, for {@code reason}. */
    void send(RejectReason reason, String detail, String key, byte[] value, Headers headers, long timestamp) {
        metrics.rejected(reason.label());
        Headers out = new RecordHeaders(headers.toArray());
        add(out, REASON, reason.label());
        add(out, DETAIL, detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) : detail);
        context.recordMetadata().ifPresent(source -> origin(out, source));
        byte[] kept = value;
        if (value != null && value.length > maxValueBytes) {
            add(out, VALUE_DROPPED, Integer.toString(value.length));
            kept = null;
        }
        context.forward(new Record<>(key, kept, timestamp, out), ConductorTopology.DEAD_LETTER_SINK);
    }

    private static void origin(Headers out, RecordMetadata source) {
        add(out, TOPIC, source.topic());
        add(out, PARTITION, Integer.toString(source.partition()));
        add(out, OFFSET, Long.toString(source.offset()));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
