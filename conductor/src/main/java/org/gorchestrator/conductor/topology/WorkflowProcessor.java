package org.gorchestrator.conductor.topology;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.events.CloudEventSerde;
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
import org.gorchestrator.model.TemplateRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A thin adapter around {@link DagEngine}: load the workflow's state, decide, commit, forward. Runs
 * inside an exactly-once transaction, so the store updates and every forwarded record commit
 * together with the input's offset, or not at all. The workflows' persistence (store, kept decoded
 * states, state topic) is the {@link WorkflowRepository}'s.
 *
 * <p>Rejections: an input the engine refuses ({@link RejectReason}), or that fails it, changes
 * nothing and goes to the dead-letter topic with its reason ({@link DeadLetters}); a duplicate or
 * stale one just changes nothing.
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
 * <p>Size: a workflow's document is one record, or a few thousand nodes' one per node ({@code StateRecords}). A change that would
 * make a record larger than
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
    private final RecordTracing tracing;
    private final UnwritableRecords unwritable;
    private final String stateTopic;
    /** Whether the scheduler is in the topology, to be told when the runs it started finish. */
    private final boolean scheduleRuns;
    private ProcessorContext<String, Object> context;
    private WorkflowRepository workflows;
    private Timers timers;
    private TraceContexts traces;
    private DeadLetters deadLetters;
    private Wakeup wakeup;

    WorkflowProcessor(ConductorSettings settings, ConductorMetrics metrics, RecordTracing tracing, UnwritableRecords unwritable,
                      String stateTopic, boolean scheduleRuns) {
        this.settings = settings;
        this.metrics = metrics;
        this.tracing = tracing;
        this.unwritable = unwritable;
        this.stateTopic = stateTopic;
        this.scheduleRuns = scheduleRuns;
        this.engine = new DagEngine(settings.engine());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        // A new repository: after an aborted transaction, what the last one kept may never have been committed.
        this.workflows = new WorkflowRepository(context, settings, this::settledInstead);
        this.timers = new Timers(context.getStateStore(ConductorTopology.TIMER_STORE));
        this.traces = new TraceContexts(tracing, context.getStateStore(ConductorTopology.TRACE_STORE));
        this.deadLetters = new DeadLetters(context, metrics, settings.maxStateBytes());
        this.wakeup = new Wakeup(context, settings.tickInterval(), now -> fireTimersDueBy(Instant.ofEpochMilli(now)));
        if (timers.next() != null) {
            wakeup.soon(); // the first punctuation fires what came due while the task was away, then moves on
        }
    }

    @Override
    public void close() {
        workflows.close();
    }

    @Override
    public void process(Record<String, EngineInput> record) {
        EngineInput input = record.value();
        if (record.key() == null || !record.key().equals(input.workflowId()) || !WorkflowStore.storable(record.key())) {
            reject(record, RejectReason.KEY_MISMATCH, "the key " + record.key() + " does not name the record's workflow " + input.workflowId());
            return;
        }
        handle(input, record.timestamp(), TraceHeaders.traceparent(record.headers()), record);
    }

    /** Handles {@code input}, read from {@code record} (null: a tick of the conductor's own). */
    private void handle(EngineInput input, long timestamp, String traceparent, Record<String, EngineInput> record) {
        try (MDC.MDCCloseable workflow = MDC.putCloseable("workflowId", input.workflowId());
                Hop hop = traces.open(input, traceparent)) {
            UnwritableRecords.Strike strike = unwritable.take(input.workflowId());
            if (strike == null) {
                decideAndApply(input, record, timestamp, hop);
            } else {
                // After a refused record the transaction was aborted: this input comes again, and goes
                // to a workflow that is failed instead.
                fail(input.workflowId(), strike.reason(), input.at(), timestamp, hop, strike.settledBefore() == 0);
            }
        }
    }

    private void decideAndApply(EngineInput input, Record<String, EngineInput> record, long timestamp, Hop hop) {
        String id = input.workflowId();
        WorkflowState state = workflows.load(id);
        Instant dueBefore = dueOf(state);
        Decision decision;
        try {
            decision = engine.decide(state, input);
        } catch (RuntimeException e) {
            // The engine may have changed the kept state half way: the store has the last good one.
            workflows.evict(id);
            // A bug must not block the partition behind one poisoned workflow: log it loudly and move on.
            LOG.error("workflow {}: engine rejected {}; input skipped", id, input, e);
            reject(record, RejectReason.of(e), String.valueOf(e.getMessage()));
            return;
        }
        if (decision.rejection() != null) {
            LOG.debug("workflow {}: {} refused: {}", id, input, decision.rejection());
            reject(record, RejectReason.of(decision.rejection()), describe(input) + " refused: " + decision.rejection().label());
        } else if (decision.changed()) {
            OptionalLong tooLarge = workflows.commit(decision.state(), timestamp, hop, false);
            if (tooLarge.isPresent()) {
                refuse(input, tooLarge.getAsLong(), timestamp, hop);
                return;
            }
            forward(decision, timestamp, hop);
            traces.applied(input, hop);
            moveTimer(id, dueBefore, dueOf(decision.state()));
            metrics.applied(input, decision, Instant.now());
        }
    }

    /** Dead-letters {@code record} (null: the input was a tick of our own, counted only), the input as the conductor read it. */
    private void reject(Record<String, EngineInput> record, RejectReason reason, String detail) {
        if (record == null) {
            metrics.rejected(reason.label());
            return;
        }
        if (reason == RejectReason.KEY_MISMATCH) {
            LOG.warn("dead-lettering input whose key {} does not name its workflow: {}", record.key(), record.value());
        }
        deadLetters.send(reason, detail, record.key(), Json.write(record.value()), record.headers(), record.timestamp());
    }

    /** {@code input} would make its workflow's document {@code size} bytes, more than a record holds: the workflow fails instead. */
    private void refuse(EngineInput input, long size, long timestamp, Hop hop) {
        String id = input.workflowId();
        metrics.unwritable(stateTopic, STATE_TOO_LARGE);
        String why = "a record of the workflow's state would take " + size + " bytes after " + describe(input) + ", over the "
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
        WorkflowState state = workflows.load(id);
        if (state == null) {
            LOG.error("workflow {}: {}; nothing of it is kept", id, why);
            return;
        }
        Instant dueBefore = dueOf(state);
        Abort abort = new Abort(id, why, at);
        Decision failed = engine.decide(state, abort);
        if (keep && failed.changed() && workflows.commit(state, timestamp, hop, true).isEmpty()) {
            forward(failed, timestamp, hop);
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
            forwardEvent(id, event, timestamp, hop);
        }
        tellScheduler(failed, timestamp, hop);
        metrics.unwritable(stateTopic, STATE_DELETED);
        moveTimer(id, dueBefore, null);
        workflows.delete(id, timestamp);
        traces.forget(id);
    }

    /** The commands, kills and events of a committed decision. */
    private void forward(Decision decision, long timestamp, Hop hop) {
        String id = decision.state().id();
        for (NodeCommand command : decision.commands()) {
            forward(command.key(), command, timestamp, hop, ConductorTopology.NODE_COMMANDS_SINK);
        }
        for (NodeKill kill : decision.kills()) {
            forward(kill.key(), kill, timestamp, hop, ConductorTopology.NODE_CONTROL_SINK);
        }
        for (WorkflowEvent event : decision.events()) {
            forwardEvent(id, event, timestamp, hop);
        }
        tellScheduler(decision, timestamp, hop);
    }

    /**
     * A run a schedule started that this decision finished goes to the scheduler, keyed by the schedule's name, for its
     * overlap policy. A rerun that finishes again sends it again, which changes nothing there.
     */
    private void tellScheduler(Decision decision, long timestamp, Hop hop) {
        if (!scheduleRuns || decision.finishedAs().isEmpty()) {
            return;
        }
        TemplateRun template = decision.state().header().template();
        if (template != null && template.schedule() != null) {
            forward(template.schedule(), decision.state().id(), timestamp, hop, ConductorTopology.SCHEDULE_RUNS_SINK);
        }
    }

    /** A workflow event goes out as the CloudEvent's bytes, written here to reuse the node JSON the workflow's document holds. */
    private void forwardEvent(String id, WorkflowEvent event, long timestamp, Hop hop) {
        Record<String, byte[]> record = TraceContexts.record(id, workflows.eventJson(id, event), timestamp, hop);
        CloudEventSerde.markStructured(record.headers());
        context.forward(record, ConductorTopology.WORKFLOW_EVENTS_SINK);
    }

    /** Before the workflow's batched document is published: one with a refused record waiting is settled now instead (which publishes it). */
    private boolean settledInstead(String id) {
        if (!unwritable.waits(id)) {
            return false;
        }
        long now = context.currentSystemTimeMs();
        handle(new Tick(id, Instant.ofEpochMilli(now)), now, null, null);
        return true;
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
            WorkflowState state = workflows.load(due.workflowId());
            if (state == null) {
                moveTimer(due.workflowId(), due.at(), null);
            } else if (state.isFinished()) {
                purgeOrPostpone(state, due, now);
            } else {
                handle(new Tick(due.workflowId(), now), now.toEpochMilli(), null, null);
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
        workflows.delete(id, now.toEpochMilli());
        traces.forget(id);
        LOG.debug("workflow {} purged: finished at {}, kept {}", id, state.stopDate(), settings.retention());
    }
}
