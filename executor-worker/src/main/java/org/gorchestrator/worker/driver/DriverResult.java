package org.gorchestrator.worker.driver;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.gorchestrator.time.Durations;

/**
 * How one attempt ended.
 *
 * @param exitCode   the process's exit code, null when no process ran or it was killed
 * @param outputs    the declared outputs the attempt produced
 * @param message    a short human-readable summary
 * @param stdoutTail the end of the standard output, bounded by the output limit
 * @param stderrTail the end of the standard error, bounded by the output limit
 * @param timedOut   the attempt was stopped because it ran past its time limit
 */
public record DriverResult(boolean success, Integer exitCode, Map<String, String> outputs, String message,
                           String stdoutTail, String stderrTail, boolean timedOut) {
    public DriverResult {
        Objects.requireNonNull(message, "message");
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
        stdoutTail = stdoutTail == null ? "" : stdoutTail;
        stderrTail = stderrTail == null ? "" : stderrTail;
        if (success && timedOut) {
            throw new IllegalArgumentException("a timed-out attempt cannot succeed");
        }
    }

    public static DriverResult succeeded(String message) {
        return new DriverResult(true, 0, Map.of(), message, "", "", false);
    }

    /** Failed before or without a process: bad input, nothing to run it with. */
    public static DriverResult failed(String message) {
        return new DriverResult(false, null, Map.of(), message, "", "", false);
    }

    public static DriverResult timedOut(Duration limit) {
        return new DriverResult(false, null, Map.of(), "timed out after " + Durations.format(limit), "", "", true);
    }

    public static DriverResult canceled() {
        return new DriverResult(false, null, Map.of(), "canceled", "", "", false);
    }

    public DriverResult withTails(String stdout, String stderr) {
        return new DriverResult(success, exitCode, outputs, message, stdout, stderr, timedOut);
    }
}
