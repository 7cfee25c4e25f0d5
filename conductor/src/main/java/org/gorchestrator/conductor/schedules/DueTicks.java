package org.gorchestrator.conductor.schedules;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.gorchestrator.schedule.CronTicks;
import org.gorchestrator.schedule.MissedPolicy;

/**
 * The ticks of a schedule to fire now: those in (after, now], where a tick more than {@code lateAfter} old is a missed
 * one and fires only as the missed-tick policy says (skip: none; run-once: the newest; run-all: the newest
 * {@code maxMissed}). Ticks older than {@code maxCatchUp} are not even looked at.
 */
final class DueTicks {
    private DueTicks() {}

    static List<Instant> toFire(CronTicks ticks, Instant after, Instant now, SchedulerSettings settings, MissedPolicy policy,
                                int maxMissed) {
        Instant from = latest(after, now.minus(settings.maxCatchUp()));
        Instant onTimeFrom = now.minus(settings.lateAfter());
        Deque<Instant> missed = new ArrayDeque<>();
        List<Instant> onTime = new ArrayList<>();
        int keepMissed = switch (policy) {
            case SKIP -> 0;
            case RUN_ONCE -> 1;
            case RUN_ALL -> maxMissed;
        };
        for (Optional<Instant> tick = ticks.next(from); tick.isPresent() && !tick.get().isAfter(now); tick = ticks.next(tick.get())) {
            if (tick.get().isBefore(onTimeFrom)) {
                missed.addLast(tick.get());
                if (missed.size() > keepMissed) {
                    missed.removeFirst();
                }
            } else {
                onTime.add(tick.get());
            }
        }
        List<Instant> fire = new ArrayList<>(missed);
        fire.addAll(onTime);
        return fire;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
