package org.gorchestrator.worker.driver;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.time.Durations;

/**
 * Engine {@code sleep}, for tests: waits for the duration in the first arg, else in the artifact
 * when it is one, else for a random time under a second like the original (whose sleep nodes name
 * a script as artifact, which the seed's sleep engine ignored). Honours the time limit and cancel.
 */
public final class SleepDriver implements Driver {
    private static final long RANDOM_BOUND_MILLIS = 1000;

    @Override
    public String engine() {
        return "sleep";
    }

    @Override
    public DriverResult run(NodeCommand command, RunContext context) {
        Duration wanted;
        try {
            wanted = duration(command);
        } catch (IllegalArgumentException e) {
            return DriverResult.failed("sleep: " + e.getMessage());
        }
        Duration limit = context.timeLimit();
        try {
            if (context.cancellation().await(wanted.compareTo(limit) <= 0 ? wanted : limit)) {
                return DriverResult.canceled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DriverResult.canceled();
        }
        return wanted.compareTo(limit) > 0 ? DriverResult.timedOut(limit) : DriverResult.succeeded("slept " + Durations.format(wanted));
    }

    static Duration duration(NodeCommand command) {
        if (!command.args().isEmpty()) {
            return Durations.parse(command.args().get(0));
        }
        if (command.artifact() != null && !command.artifact().isBlank()) {
            try {
                return Durations.parse(command.artifact());
            } catch (IllegalArgumentException notADuration) {
                // The seed's documents put a script name here; its sleep engine slept at random.
            }
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(RANDOM_BOUND_MILLIS));
    }
}
