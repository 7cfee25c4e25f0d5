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
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.tracing.Hop;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.Tick;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A thin adapter around {@link DagEngine}: load the workflow's state, decide, store, forward. Runs
 * inside an exactly-once transaction, so the store updates and every forwarded record commit
 * together with the input's offset, or not at all.
 *
 * <p>The store holds each workflow's document as JSON bytes, written once per change and sent as
 * they are to the state topic; {@link LiveStates} keeps running workflows decoded, so an event
 * costs the engine's work plus one serialization, not a parse of the whole document as well.
 *
 * <p>Time: each workflow's next due moment ({@link WorkflowState#nextWakeUp()}) is kept in the timer
 * store, keyed so that keys sort by time; a wall-clock punctuation sends a {@link Tick} to every
 * workflow whose moment has come ({@link Timers}). The timer store is changelogged, so timers survive a restart.
 *
 * <p>Tracing: each input is handled in a {@link Hop} of the trace it carries (a tick, of its
 * workflow's), and every record forwarded for it carries that hop's {@code traceparent}.
 */
final class WorkflowProcessor implements Processor<String, EngineInput, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowProcessor.class);

    private final DagEngine engine;
    private final ConductorSettings settings;
    private final ConductorMetrics metrics;
    private final LiveStates live;
    private final RecordTracing tracing;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> workflows;
    private Timers timers;
    private TraceContexts traces;

    WorkflowProcessor(ConductorSettings settings, ConductorMetrics metrics, RecordTracing tracing) {
        this.settings = settings;
        this.metrics = metrics;
        this.tracing = tracing;
        this.engine = new DagEngine(settings.engine());
        this.live = new LiveStates(settings.liveStateNodes());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        // A task restarts after an aborted transaction: what the cache saw may never have been committed.
        live.clear();
        this.workflows = context.getStateStore(ConductorTopology.WORKFLOW_STORE);
        this.timers = new Timers(context.getStateStore(ConductorTopology.TIMER_STORE));
        this.traces = new TraceContexts(tracing, context.getStateStore(ConductorTopology.TRACE_STORE));
        context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME, now -> fireTimersDueBy(Instant.ofEpochMilli(now)));
        context.schedule(settings.purgeInterval(), PunctuationType.WALL_CLOCK_TIME,
                now -> purgeFinishedBefore(Instant.ofEpochMilli(now).minus(settings.retention())));
    }

    @Override
    public void close() {
        live.clear();
    }

    @Override
    public void process(Record<String, EngineInput> record) {
        EngineInput input = record.value();
        if (input == null || record.key() == null || !record.key().equals(input.workflowId())) {
            LOG.warn("dropping input whose key {} does not match its workflow: {}", record.key(), input);
            return;
        }
        handle(input, record.timestamp(), TraceHeaders.traceparent(record.headers()));
    }

    private void handle(EngineInput input, long timestamp, String traceparent) {
        try (MDC.MDCCloseable workflow = MDC.putCloseable("workflowId", input.workflowId());
                Hop hop = traces.open(input, traceparent)) {
            decideAndApply(input, timestamp, hop);
        }
    }

    private void decideAndApply(EngineInput input, long timestamp, Hop hop) {
        String id = input.workflowId();
        WorkflowState state = load(id);
        Instant wakeBefore = state == null ? null : state.nextWakeUp();
        Decision decision;
        try {
            decision = engine.decide(state, input);
        } catch (RuntimeException e) {
            // The engine may have changed the cached state half way: the store has the last good one.
            live.remove(id);
            // A bug must not block the partition behind one poisoned workflow: log it loudly and move on.
            LOG.error("workflow {}: engine rejected {}; input skipped", id, input, e);
            return;
        }
        if (decision.changed()) {
            apply(decision, timestamp, hop);
            traces.applied(input, hop);
            timers.move(id, wakeBefore, decision.state().nextWakeUp());
            metrics.applied(input, decision, Instant.now());
        }
    }

    private WorkflowState load(String id) {
        WorkflowState cached = live.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] stored = workflows.get(id);
        return stored == null ? null : WorkflowState.of(Json.read(stored, Graph.class));
    }

    private void apply(Decision decision, long timestamp, Hop hop) {
        String id = decision.state().id();
        byte[] document = Json.write(decision.state().toGraph());
        workflows.put(id, document);
        live.put(id, decision.state());
        for (NodeCommand command : decision.commands()) {
            forward(command.key(), command, timestamp, hop, ConductorTopology.NODE_COMMANDS_SINK);
        }
        for (NodeKill kill : decision.kills()) {
            forward(kill.key(), kill, timestamp, hop, ConductorTopology.NODE_CONTROL_SINK);
        }
        for (WorkflowEvent event : decision.events()) {
            forward(id, event, timestamp, hop, ConductorTopology.WORKFLOW_EVENTS_SINK);
        }
        forward(id, document, timestamp, hop, ConductorTopology.WORKFLOW_STATE_SINK);
    }

    private void forward(String key, Object value, long timestamp, Hop hop, String sink) {
        context.forward(TraceContexts.record(key, value, timestamp, hop), sink);
    }

    private void fireTimersDueBy(Instant now) {
        for (String id : timers.dueBy(now)) {
            handle(new Tick(id, now), now.toEpochMilli(), null);
        }
    }

    /** Deletes finished workflows stopped before {@code cutoff}, from the store and (by tombstone) from the state topic. */
    private void purgeFinishedBefore(Instant cutoff) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = workflows.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                Graph graph = Json.read(entry.value, Graph.class);
                if (graph.state().isFinished() && graph.stopDate() != null && graph.stopDate().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        long now = System.currentTimeMillis();
        for (String id : expired) {
            workflows.delete(id);
            live.remove(id);
            traces.forget(id);
            context.forward(new Record<>(id, null, now), ConductorTopology.WORKFLOW_STATE_SINK);
        }
        if (!expired.isEmpty()) {
            LOG.info("purged {} workflows finished before {}", expired.size(), cutoff);
        }
    }
}
