package org.gorchestrator.worker.driver;

import java.time.Duration;
import java.util.Objects;

/**
 * What a driver gets besides the command.
 *
 * @param workerId       the worker running the attempt, for messages
 * @param timeLimit      how long the attempt may run before it is stopped
 * @param cancellation   lets another thread stop the attempt
 * @param maxOutputBytes the most output kept per stream
 * @param sink           receives every output line
 */
public record RunContext(String workerId, Duration timeLimit, Cancellation cancellation, int maxOutputBytes,
                         OutputSink sink) {
    public RunContext {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(sink, "sink");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (maxOutputBytes < 2) {
            throw new IllegalArgumentException("maxOutputBytes must be at least 2, was " + maxOutputBytes);
        }
    }

    /** A fresh context that keeps a bounded tail of each output stream. */
    public static RunContext of(String workerId, Duration timeLimit, int maxOutputBytes) {
        return new RunContext(workerId, timeLimit, new Cancellation(), maxOutputBytes, new TailSink(maxOutputBytes));
    }
}
