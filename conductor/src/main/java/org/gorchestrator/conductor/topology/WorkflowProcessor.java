package org.gorchestrator.conductor.topology;

import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.kafka.tracing.Hop;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.Abort;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.Tick;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A thin adapter around {@link DagEngine}: load the workflow's state, decide, store, forward. Runs
 * inside an exactly-once transaction, so the store updates and every forwarded record commit
 * together with the input's offset, or not at all.
 *
 * <p>The store holds each workflow's document as JSON in parts ({@link WorkflowStore}: a header and
 * its nodes), so a change stores only the parts it changed; the state topic gets whole documents
 * ({@link StatePublisher}: node changes batched). {@link LiveStates} keeps running workflows decoded,
 * with their nodes' JSON, so an event costs the engine's work and the changed nodes' serialization,
 * not a parse and a serialization of the whole document.
 *
 * <p>Time: each workflow's next due moment is kept in the timer store, keyed so that keys sort by
 * time ({@link Timers}): while it runs, its engine's next wake-up ({@link WorkflowState#nextWakeUp()});
 * once it finished, the end of its retention. A wall-clock punctuation, scheduled for the earliest of
 * them ({@link Wakeup}), sends a {@link Tick} to every running workflow whose moment has come and
 * purges every finished one, so a purge costs the workflows it deletes, not a scan of all that are
 * kept. The timer store is changelogged, so timers survive a restart.
 *
 * <p>Tracing: each input is handled in a {@link Hop} of the trace it carries (a tick, of its
 * workflow's), and every record forwarded for it carries that hop's {@code traceparent}.
 *
 * <p>Size: a workflow's document is one record. A change that would make it larger than
 * {@link ConductorSettings#maxStateBytes()} is not applied: the workflow fails instead, from its last
 * stored state, with its outputs dropped ({@link Abort}), and if even that does not fit it is deleted,
 * its events telling how it ended. A workflow whose record the producer or the broker refused
 * ({@link UnwritableRecords}) is settled the same way at its next input or publish.
 */
final class WorkflowProcessor implements Processor<String, EngineInput, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowProcessor.class);
    /** Reasons of gorch_conductor_unwritable_records_total: a state refused before it was sent, a workflow deleted as the last resort. */
    static final String STATE_TOO_LARGE = "state-too-large";
    static final String STATE_DELETED = "state-deleted";

    private final DagEngine engine;
    private final ConductorSettings settings;
    private final ConductorMetrics metrics;
    private final LiveStates live;
    private final RecordTracing tracing;
    private final UnwritableRecords unwritable;
    private final String stateTopic;
    private ProcessorContext<String, Object> context;
    private WorkflowStore workflows;
    private Timers timers;
    private TraceContexts traces;
    private StatePublisher publisher;
    private Wakeup wakeup;

    WorkflowProcessor(ConductorSettings settings, ConductorMetrics metrics, RecordTracing tracing, UnwritableRecords unwritable,
                      String stateTopic) {
        this.settings = settings;
        this.metrics = metrics;
        this.tracing = tracing;
        this.unwritable = unwritable;
        this.stateTopic = stateTopic;
        this.engine = new DagEngine(settings.engine());
        this.live = new LiveStates(settings.liveStateNodes());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        // A task restarts after an aborted transaction: what the cache saw may never have been committed.
        live.clear();
        this.workflows = new WorkflowStore(context.getStateStore(ConductorTopology.WORKFLOW_STORE));
        this.timers = new Timers(context.getStateStore(ConductorTopology.TIMER_STORE));
        this.traces = new TraceContexts(tracing, context.getStateStore(ConductorTopology.TRACE_STORE));
        this.publisher = new StatePublisher(context, settings.publishInterval(), this::document);
        this.wakeup = new Wakeup(context, settings.tickInterval(), now -> fireTimersDueBy(Instant.ofEpochMilli(now)));
        if (timers.next() != null) {
            wakeup.soon(); // the first punctuation fires what came due while the task was away, then moves on
        }
    }

    @Override
    public void close() {
        live.clear();
    }

    @Override
    public void process(Record<String, EngineInput> record) {
        EngineInput input = record.value();
        if (input == null || record.key() == null || !record.key().equals(input.workflowId()) || !WorkflowStore.storable(record.key())) {
            LOG.warn("dropping input whose key {} does not name its workflow: {}", record.key(), input);
            return;
        }
        handle(input, record.timestamp(), TraceHeaders.traceparent(record.headers()));
    }

    private void handle(EngineInput input, long timestamp, String traceparent) {
        try (MDC.MDCCloseable workflow = MDC.putCloseable("workflowId", input.workflowId());
                Hop hop = traces.open(input, traceparent)) {
            UnwritableRecords.Strike strike = unwritable.take(input.workflowId());
            if (strike == null) {
                decideAndApply(input, timestamp, hop);
            } else {
                // After a refused record the transaction was aborted: this input comes again, and goes
                // to a workflow that is failed instead.
                fail(input.workflowId(), strike.reason(), input.at(), timestamp, hop, strike.settledBefore() == 0);
            }
        }
    }

    private void decideAndApply(EngineInput input, long timestamp, Hop hop) {
        String id = input.workflowId();
        DocumentWriter loaded = load(id);
        WorkflowState state = stateOf(loaded);
        Instant dueBefore = dueOf(state);
        State stateBefore = state == null ? null : state.state(); // the engine changes the state in place
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
            DocumentWriter writer = writerOf(decision.state(), loaded);
            long size = writer.size();
            if (size > settings.maxStateBytes()) {
                refuse(input, size, timestamp, hop);
                return;
            }
            apply(decision, writer, timestamp, hop, stateBefore != decision.state().state());
            traces.applied(input, hop);
            moveTimer(id, dueBefore, dueOf(decision.state()));
            metrics.applied(input, decision, Instant.now());
        }
    }

    /** {@code input} would make its workflow's document {@code size} bytes, more than a record holds: the workflow fails instead. */
    private void refuse(EngineInput input, long size, long timestamp, Hop hop) {
        String id = input.workflowId();
        live.remove(id); // the engine changed the kept state in place: the store has the last one, which fit
        metrics.unwritable(stateTopic, STATE_TOO_LARGE);
        String why = "the workflow's state would take " + size + " bytes after " + describe(input) + ", over the "
                + settings.maxStateBytes() + " bytes a state record holds (gorch.kafka.max-message-size)";
        LOG.error("workflow {}: {}; failing it", id, why);
        fail(id, why, input.at(), timestamp, hop, true);
    }

    private static String describe(EngineInput input) {
        String kind = input.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return input instanceof NodeEvent event ? "the " + kind + " report of node " + event.nodeId() + " attempt " + event.attempt()
                : "a " + kind;
    }

    /**
     * Fails the workflow for {@code why} from its stored state, its outputs dropped; deletes it when
     * {@code keep} is false or the failed state still does not fit, so that nothing it sends can be
     * refused again. Nothing to do for a workflow not stored (a submission whose own state is too large).
     */
    private void fail(String id, String why, Instant at, long timestamp, Hop hop, boolean keep) {
        DocumentWriter stored = load(id);
        if (stored == null) {
            LOG.error("workflow {}: {}; nothing of it is kept", id, why);
            return;
        }
        WorkflowState state = stored.state();
        Instant dueBefore = dueOf(state);
        Abort abort = new Abort(id, why, at);
        Decision failed = engine.decide(state, abort);
        if (keep && failed.changed() && stored.size() <= settings.maxStateBytes()) {
            apply(failed, stored, timestamp, hop, true);
            moveTimer(id, dueBefore, dueOf(state));
        } else {
            delete(id, failed, timestamp, hop, dueBefore);
            LOG.error("workflow {}: {}; {}: it is deleted, its events tell how it ended", id, why,
                    keep ? "even failed, its state is too large" : "its records were refused again after it failed");
        }
        metrics.applied(abort, failed, Instant.now());
    }

    /** The last resort: the workflow goes, with a tombstone on the state topic; the kills and events of its failure still go out. */
    private void delete(String id, Decision failed, long timestamp, Hop hop, Instant dueBefore) {
        for (NodeKill kill : failed.kills()) {
            forward(kill.key(), kill, timestamp, hop, ConductorTopology.NODE_CONTROL_SINK);
        }
        for (WorkflowEvent event : failed.events()) {
            forward(id, event, timestamp, hop, ConductorTopology.WORKFLOW_EVENTS_SINK);
        }
        metrics.unwritable(stateTopic, STATE_DELETED);
        moveTimer(id, dueBefore, null);
        workflows.delete(id);
        live.remove(id);
        traces.forget(id);
        publisher.purged(id, timestamp);
    }

    private DocumentWriter load(String id) {
        DocumentWriter cached = live.get(id);
        return cached != null ? cached : workflows.load(id);
    }

    private static WorkflowState stateOf(DocumentWriter loaded) {
        return loaded == null ? null : loaded.state();
    }

    /** The engine decides on the loaded state in place, or (submit) on a new one. */
    private static DocumentWriter writerOf(WorkflowState decided, DocumentWriter loaded) {
        return loaded != null && loaded.state() == decided ? loaded : new DocumentWriter(decided);
    }

    private void apply(Decision decision, DocumentWriter writer, long timestamp, Hop hop, boolean workflowStateChanged) {
        String id = decision.state().id();
        workflows.store(id, writer);
        live.keep(id, writer);
        for (NodeCommand command : decision.commands()) {
            forward(command.key(), command, timestamp, hop, ConductorTopology.NODE_COMMANDS_SINK);
        }
        for (NodeKill kill : decision.kills()) {
            forward(kill.key(), kill, timestamp, hop, ConductorTopology.NODE_CONTROL_SINK);
        }
        for (WorkflowEvent event : decision.events()) {
            forward(id, event, timestamp, hop, ConductorTopology.WORKFLOW_EVENTS_SINK);
        }
        publisher.changed(id, writer::document, timestamp, hop, workflowStateChanged);
    }

    /**
     * The workflow's current document: from its kept writer while it runs, else from the store. A
     * workflow with a refused record waiting to be settled is settled now instead (which publishes it).
     */
    private byte[] document(String id) {
        if (unwritable.waits(id)) {
            long now = context.currentSystemTimeMs();
            handle(new Tick(id, Instant.ofEpochMilli(now)), now, null);
            return null;
        }
        DocumentWriter kept = live.get(id);
        return kept != null ? kept.document() : workflows.document(id);
    }

    private void forward(String key, Object value, long timestamp, Hop hop, String sink) {
        context.forward(TraceContexts.record(key, value, timestamp, hop), sink);
    }

    private void moveTimer(String id, Instant before, Instant after) {
        timers.move(id, before, after);
        wakeup.notLaterThan(after);
    }

    /** When the workflow next needs the clock: its engine's next wake-up while it runs, the end of its retention once it finished. */
    private Instant dueOf(WorkflowState state) {
        if (state == null) {
            return null;
        }
        if (!state.isFinished()) {
            return state.nextWakeUp();
        }
        return state.stopDate() == null ? null : state.stopDate().plus(settings.retention());
    }

    private void fireTimersDueBy(Instant now) {
        for (Timers.Due due : timers.dueBy(now)) {
            WorkflowState state = stateOf(load(due.workflowId()));
            if (state == null) {
                moveTimer(due.workflowId(), due.at(), null);
            } else if (state.isFinished()) {
                purgeOrPostpone(state, due, now);
            } else {
                handle(new Tick(due.workflowId(), now), now.toEpochMilli(), null);
            }
        }
        wakeup.moveTo(timers.next());
    }

    /**
     * Deletes a finished workflow whose retention is over, from the store and (by tombstone) from the
     * state topic; one whose retention was raised since it finished gets a later timer instead.
     */
    private void purgeOrPostpone(WorkflowState state, Timers.Due due, Instant now) {
        String id = state.id();
        Instant end = dueOf(state);
        if (end != null && end.isAfter(now)) {
            moveTimer(id, due.at(), end);
            return;
        }
        moveTimer(id, due.at(), null);
        workflows.delete(id);
        live.remove(id);
        traces.forget(id);
        publisher.purged(id, now.toEpochMilli());
        LOG.debug("workflow {} purged: finished at {}, kept {}", id, state.stopDate(), settings.retention());
    }
}
