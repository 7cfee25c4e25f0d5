package org.gorchestrator.api.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.api.submissions.OutcomeEvents;

/**
 * Stores each workflow event under its workflow and offset, and tells the live followers. The bytes stay the
 * CloudEvent JSON as the conductor wrote it: a client gets the same JSON as a consumer of the topic.
 */
public final class WorkflowEventProcessor implements Processor<String, byte[], Void, Void> {
    private final String storeName;
    private final LiveEvents live;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    public WorkflowEventProcessor(String storeName, LiveEvents live) {
        this.storeName = storeName;
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        if (record.key() == null || record.value() == null || offset < 0 || isSubmissionOutcome(record)) {
            return;
        }
        store.put(EventKeys.of(record.key(), offset), record.value());
        live.publish(record.key(), new StoredEvent(offset, record.value()));
    }

    /** The outcome of a Kafka-native submission tells about a request, not a workflow: keyed by the request, it has no workflow to go with. */
    private static boolean isSubmissionOutcome(Record<String, byte[]> record) {
        Header type = record.headers().lastHeader(OutcomeEvents.TYPE_HEADER);
        return type != null && new String(type.value(), StandardCharsets.UTF_8).startsWith(OutcomeEvents.PREFIX);
    }
}
