package org.gorchestrator.api.logs;

import org.gorchestrator.message.LogChunk;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Stores each log chunk under its own key (the topic's key names only the node) and tells the live followers. */
public final class LogChunkProcessor implements Processor<String, LogChunk, Void, Void> {
    private final String storeName;
    private final LiveLogs live;
    private KeyValueStore<String, LogChunk> store;

    public LogChunkProcessor(String storeName, LiveLogs live) {
        this.storeName = storeName;
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, LogChunk> record) {
        LogChunk chunk = record.value();
        if (chunk != null) {
            store.put(LogKeys.of(chunk), chunk);
            live.publish(chunk);
        }
    }
}
