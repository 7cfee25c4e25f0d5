package org.gorchestrator.conductor.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thin adapter around {@link DagEngine}: load the workflow's state, decide, store, forward. Runs
 * inside an exactly-once transaction, so the store update and every forwarded record commit
 * together with the input's offset, or not at all.
 */
final class WorkflowProcessor implements Processor<String, EngineInput, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowProcessor.class);

    private final DagEngine engine = new DagEngine();
    private final Duration retention;
    private final Duration purgeInterval;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Graph> store;

    WorkflowProcessor(Duration retention, Duration purgeInterval) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(ConductorTopology.WORKFLOW_STORE);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, now -> purgeFinishedBefore(Instant.ofEpochMilli(now).minus(retention)));
    }

    @Override
    public void process(Record<String, EngineInput> record) {
        EngineInput input = record.value();
        if (input == null || record.key() == null || !record.key().equals(input.workflowId())) {
            LOG.warn("dropping input whose key {} does not match its workflow: {}", record.key(), input);
            return;
        }
        Graph stored = store.get(input.workflowId());
        Decision decision;
        try {
            decision = engine.decide(stored == null ? null : WorkflowState.of(stored), input);
        } catch (RuntimeException e) {
            // A bug must not block the partition behind one poisoned workflow: log it loudly and move on.
            LOG.error("workflow {}: engine rejected {}; input skipped", input.workflowId(), input, e);
            return;
        }
        if (decision.changed()) {
            apply(decision, record.timestamp());
        }
    }

    private void apply(Decision decision, long timestamp) {
        Graph graph = decision.state().toGraph();
        String id = graph.id();
        store.put(id, graph);
        for (NodeCommand command : decision.commands()) {
            context.forward(new Record<String, Object>(command.key(), command, timestamp), ConductorTopology.NODE_COMMANDS_SINK);
        }
        for (WorkflowEvent event : decision.events()) {
            context.forward(new Record<String, Object>(id, event, timestamp), ConductorTopology.WORKFLOW_EVENTS_SINK);
        }
        context.forward(new Record<String, Object>(id, graph, timestamp), ConductorTopology.WORKFLOW_STATE_SINK);
    }

    /** Deletes finished workflows stopped before {@code cutoff}, from the store and (by tombstone) from the state topic. */
    private void purgeFinishedBefore(Instant cutoff) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Graph> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Graph> entry = all.next();
                Graph graph = entry.value;
                if (graph.state().isFinished() && graph.stopDate() != null && graph.stopDate().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        long now = System.currentTimeMillis();
        for (String id : expired) {
            store.delete(id);
            context.forward(new Record<String, Object>(id, null, now), ConductorTopology.WORKFLOW_STATE_SINK);
        }
        if (!expired.isEmpty()) {
            LOG.info("purged {} workflows finished before {}", expired.size(), cutoff);
        }
    }
}
