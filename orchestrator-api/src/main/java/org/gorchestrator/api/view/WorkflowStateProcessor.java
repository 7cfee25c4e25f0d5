package org.gorchestrator.api.view;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.model.StateRecords;
import org.gorchestrator.api.events.EventKeys;
import org.gorchestrator.api.logs.LogKeys;

/**
 * Keeps the latest state of each workflow (its document's JSON bytes), whole or in parts as the conductor sent it
 * ({@link StateRecords}): a large workflow's header under its id, its nodes under their keys beside it. A tombstone (the conductor purged the workflow after its
 * retention) removes the workflow, its logs and its events: without it those stores would only ever grow. Reads waiting for the workflow
 * to finish are told after the store holds the update, so one that registered before reading the store never misses it.
 */
final class WorkflowStateProcessor implements Processor<String, byte[], Void, Void> {
    private final ViewNames names;
    private final FinishWaiters waiters;
    private final TaskChanges changes;
    private TimestampedKeyValueStore<String, byte[]> workflows;
    private KeyValueStore<String, LogChunk> logs;
    private KeyValueStore<String, byte[]> events;

    WorkflowStateProcessor(ViewNames names, FinishWaiters waiters, TaskChanges changes) {
        this.names = names;
        this.waiters = waiters;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        workflows = context.getStateStore(names.store());
        logs = context.getStateStore(names.logStore());
        events = context.getStateStore(names.eventStore());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            return;
        }
        if (StateRecords.isNodeKey(id)) {
            // A node of a workflow in parts: the header that follows marks the update.
            if (record.value() != null) {
                workflows.put(id, ValueAndTimestamp.make(record.value(), record.timestamp()));
            } else {
                workflows.delete(id);
            }
            return;
        }
        if (record.value() != null) {
            workflows.put(id, ValueAndTimestamp.make(record.value(), record.timestamp()));
        } else {
            workflows.delete(id);
            deleteNodes(id);
            LogKeys.deleteWorkflow(logs, id);
            EventKeys.deleteWorkflow(events, id);
        }
        waiters.stored(id, record.value());
        changes.changed(id);
    }

    /** The nodes of a purged workflow in parts, should a tombstone of one be missing (compacted away, or never sent). */
    private void deleteNodes(String id) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> nodes = workflows.range(StateRecords.firstNodeKey(id),
                StateRecords.afterNodeKeys(id))) {
            nodes.forEachRemaining(node -> keys.add(node.key));
        }
        keys.forEach(workflows::delete);
    }
}
