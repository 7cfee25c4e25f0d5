package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gorchestrator.worker.driver.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempts this worker runs, each with the handle that stops it, and the attempts it was told to
 * kill: a kill cancels the attempt if it runs, and keeps it from starting if its command comes later.
 */
final class RunningAttempts {
    private static final Logger LOG = LoggerFactory.getLogger(RunningAttempts.class);
    private static final int MAX_REMEMBERED_KILLS = 100_000;

    private final Map<Cancellation, AttemptId> running = new HashMap<>();
    private final KilledAttempts killed;
    private long kills;

    RunningAttempts(Duration killMemory) {
        this.killed = new KilledAttempts(killMemory, MAX_REMEMBERED_KILLS);
    }

    /** @return false, and remembers nothing, when the attempt was killed: it must not start */
    synchronized boolean begin(AttemptId attempt, Cancellation cancellation) {
        if (killed.contains(attempt, System.nanoTime())) {
            return false;
        }
        running.put(cancellation, attempt);
        return true;
    }

    synchronized void end(Cancellation cancellation) {
        running.remove(cancellation);
    }

    /** Cancels the attempt if it runs here (its driver then kills its processes) and remembers it. */
    synchronized void kill(AttemptId attempt, String reason) {
        kills++;
        killed.add(attempt, System.nanoTime());
        running.forEach((cancellation, id) -> {
            if (id.equals(attempt)) {
                LOG.info("killing {}: {}", attempt, reason);
                cancellation.cancel();
            }
        });
    }

    /** The worker gives up every running attempt: they stop unreported, to run again elsewhere. */
    synchronized void abandonAll() {
        running.keySet().forEach(Cancellation::abandon);
    }

    synchronized int size() {
        return running.size();
    }

    /** Kill requests received. */
    synchronized long kills() {
        return kills;
    }
}
