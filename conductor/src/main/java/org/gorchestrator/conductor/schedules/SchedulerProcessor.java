package org.gorchestrator.conductor.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.conductor.topology.ConductorTopology;
import org.gorchestrator.conductor.topology.Wakeup;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Submitter;
import org.gorchestrator.schedule.CronTicks;
import org.gorchestrator.schedule.OverlapPolicy;
import org.gorchestrator.schedule.Schedule;
import org.gorchestrator.template.Template;
import org.gorchestrator.template.TemplateRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the schedules of this task's partition: at each due tick it sends the submit of a run of the schedule's
 * template, under a workflow id derived from (schedule, tick). Under exactly-once the submit and the schedule's new
 * last tick commit together, so a crash before the commit fires the tick again on restart with the same id, which the
 * engine keeps only once; a crash after it does not fire it again. Two conductors never own one partition at once.
 *
 * <p>Inputs: schedules (a {@link Schedule}, or a tombstone) keyed by name, and the runs it started that finished (the
 * workflow id) keyed by schedule name, from the conductor's engine (a rerun that finishes again comes again: it changes
 * nothing).
 */
public final class SchedulerProcessor implements Processor<String, Object, String, WorkflowCommand> {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerProcessor.class);

    private final SchedulerSettings settings;
    private ProcessorContext<String, WorkflowCommand> context;
    private KeyValueStore<String, String> schedules;
    private KeyValueStore<String, Template> templates;
    private Wakeup wakeup;

    public SchedulerProcessor(SchedulerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, WorkflowCommand> context) {
        this.context = context;
        schedules = context.getStateStore(ConductorTopology.SCHEDULE_STORE);
        templates = context.getStateStore(ConductorTopology.SCHEDULE_TEMPLATES_STORE);
        wakeup = new Wakeup(context, settings.precision(), this::fire);
        wakeup.soon(); // the clock is unset in init(): the first punctuation finds what is due and moves on
    }

    @Override
    public void process(Record<String, Object> record) {
        String name = record.key();
        if (name == null) {
            return;
        }
        if (record.value() instanceof String finishedRun) {
            Optional.ofNullable(read(name)).filter(state -> state.running().contains(finishedRun))
                    .ifPresent(state -> write(name, state.finished(finishedRun)));
        } else if (record.value() instanceof Schedule schedule) {
            stored(name, schedule);
        } else if (record.value() == null) {
            schedules.delete(name);
        }
    }

    /** A new or changed schedule fires from its {@code updated} time on; a replayed or older record changes nothing. */
    private void stored(String name, Schedule schedule) {
        ScheduleState known = read(name);
        if (known != null && !schedule.updated().isAfter(known.schedule().updated())) {
            return;
        }
        Instant from = known != null && known.lastTick().isAfter(schedule.updated()) ? known.lastTick() : schedule.updated();
        ScheduleState state = new ScheduleState(schedule, from, known == null ? List.of() : known.running());
        write(name, state);
        if (!schedule.paused()) {
            ticks(state).flatMap(t -> t.next(from)).ifPresent(wakeup::notLaterThan);
        }
    }

    private void fire(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        Map<String, ScheduleState> changed = new HashMap<>();
        Instant earliest = null;
        try (KeyValueIterator<String, String> all = schedules.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                ScheduleState state = decode(entry.value);
                Optional<CronTicks> ticks = state.schedule().paused() ? Optional.empty() : ticks(state);
                if (ticks.isEmpty()) {
                    continue;
                }
                Optional<Instant> next = ticks.get().next(state.lastTick());
                if (next.isPresent() && !next.get().isAfter(now)) {
                    state = fireDue(entry.key, state, ticks.get(), now);
                    changed.put(entry.key, state);
                    next = ticks.get().next(state.lastTick());
                }
                if (next.isPresent() && (earliest == null || next.get().isBefore(earliest))) {
                    earliest = next.get();
                }
            }
        }
        changed.forEach(this::write);
        wakeup.moveTo(earliest);
    }

    /** Fires the ticks of (lastTick, now] the missed-tick and overlap policies let through; every one of them is dealt with. */
    private ScheduleState fireDue(String name, ScheduleState state, CronTicks ticks, Instant now) {
        Schedule schedule = state.schedule();
        List<String> running = new ArrayList<>(state.running());
        List<String> started = new ArrayList<>();
        List<String> canceled = new ArrayList<>();
        for (Instant tick : DueTicks.toFire(ticks, state.lastTick(), now, settings, schedule.missed(), schedule.maxMissedRuns())) {
            if (schedule.overlap() == OverlapPolicy.SKIP && !running.isEmpty()) {
                LOG.info("schedule {}: tick {} skipped, a run of it is still running ({})", name, tick, running.get(running.size() - 1));
                continue;
            }
            if (schedule.overlap() == OverlapPolicy.CANCEL_PREVIOUS) {
                // a cancel of a run that has finished meanwhile changes nothing
                running.forEach(id -> context.forward(new Record<>(id,
                        new WorkflowCommand.Cancel(id, "canceled by tick " + tick + " of schedule " + name, now), now.toEpochMilli())));
                canceled.addAll(running);
                running.clear();
            }
            Optional<Graph> graph = runOf(name, schedule, tick);
            if (graph.isPresent()) {
                String id = Schedule.runId(name, tick);
                context.forward(new Record<>(id, new WorkflowCommand.Submit(id, graph.get().withId(id), now), now.toEpochMilli()));
                running.add(id);
                started.add(id);
            }
        }
        return state.withTick(now, started, canceled);
    }

    /** The run of the template's newest version; none (logged) when the template is gone, archived, or no longer takes the inputs. */
    private Optional<Graph> runOf(String name, Schedule schedule, Instant tick) {
        Template template = templates.get(schedule.template());
        if (template == null || template.archived() || template.latest().isEmpty()) {
            LOG.warn("schedule {}: tick {} starts nothing, template {} is missing or archived", name, tick, schedule.template());
            return Optional.empty();
        }
        try {
            Graph run = TemplateRuns.instantiate(template.name(), template.latest().get(), schedule.inputs(), name);
            // submitted for who stored the schedule, as their own submission would be: theirs to see, cancel and rerun
            return Optional.of(schedule.owner() == null ? run : run.withSubmitter(new Submitter(schedule.owner(), null)));
        } catch (IllegalArgumentException e) {
            LOG.warn("schedule {}: tick {} starts nothing, template {} does not take its inputs: {}", name, tick, template.name(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<CronTicks> ticks(ScheduleState state) {
        try {
            return Optional.of(state.schedule().ticks());
        } catch (IllegalArgumentException e) {
            LOG.warn("schedule {} cannot fire: {}", state.schedule().name(), e.getMessage());
            return Optional.empty();
        }
    }

    private ScheduleState read(String name) {
        String json = schedules.get(name);
        return json == null ? null : decode(json);
    }

    private void write(String name, ScheduleState state) {
        schedules.put(name, Json.writeString(state));
    }

    private static ScheduleState decode(String json) {
        return Json.read(json, ScheduleState.class);
    }
}
