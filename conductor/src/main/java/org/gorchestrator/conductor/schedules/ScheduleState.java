package org.gorchestrator.conductor.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gorchestrator.schedule.Schedule;

/**
 * What the conductor keeps of a schedule: the schedule, the newest tick it has dealt with (fired or let pass), and the
 * runs it started that are not known to have finished (newest last, at most {@link #MAX_RUNNING}).
 */
public record ScheduleState(Schedule schedule, Instant lastTick, List<String> running) {
    static final int MAX_RUNNING = 1000;

    public ScheduleState {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lastTick, "lastTick");
        running = running == null ? List.of() : List.copyOf(running);
    }

    ScheduleState withTick(Instant tick, List<String> started, List<String> canceled) {
        List<String> still = new ArrayList<>(running);
        still.removeAll(canceled);
        still.addAll(started);
        return new ScheduleState(schedule, tick, still.subList(Math.max(0, still.size() - MAX_RUNNING), still.size()));
    }

    ScheduleState finished(String workflowId) {
        return new ScheduleState(schedule, lastTick, running.stream().filter(id -> !id.equals(workflowId)).toList());
    }
}
