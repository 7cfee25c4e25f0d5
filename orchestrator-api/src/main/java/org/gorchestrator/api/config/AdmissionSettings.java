package org.gorchestrator.api.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When submissions are refused because the work already queued would make them late.
 *
 * @param enabled                whether submissions are ever refused (false: the backlog is not even read)
 * @param pollInterval           how often the backlog is read, on a background thread
 * @param staleAfter             how old the latest reading may be before it is no longer acted on; also bounds each read
 * @param maxWorkflowCommandsLag most workflow commands the conductor may have left to read
 * @param maxNodeEventsLag       most node events the conductor may have left to read
 * @param maxNodeCommandsLag     most node commands of one pool its workers may have left to finish
 * @param retryAfter             what a refused client is told to wait before trying again
 * @param conductorGroup         the conductors' consumer group: their Kafka Streams application id
 * @param workerGroup            the workers' consumer group
 */
public record AdmissionSettings(boolean enabled, Duration pollInterval, Duration staleAfter, long maxWorkflowCommandsLag,
                                long maxNodeEventsLag, long maxNodeCommandsLag, Duration retryAfter, String conductorGroup,
                                String workerGroup) {
    public AdmissionSettings {
        requirePositive(pollInterval, "pollInterval");
        requirePositive(staleAfter, "staleAfter");
        requirePositive(retryAfter, "retryAfter");
        if (staleAfter.compareTo(pollInterval) <= 0) {
            throw new IllegalArgumentException("staleAfter (" + staleAfter + ") must be longer than pollInterval (" + pollInterval + ")");
        }
        if (maxWorkflowCommandsLag < 0 || maxNodeEventsLag < 0 || maxNodeCommandsLag < 0) {
            throw new IllegalArgumentException("the max lags must not be negative");
        }
        requireText(conductorGroup, "conductorGroup");
        requireText(workerGroup, "workerGroup");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
