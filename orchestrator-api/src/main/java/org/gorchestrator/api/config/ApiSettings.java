package org.gorchestrator.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.gorchestrator.validation.Limits;

/** The API's settings as the code uses them; built from {@link ApiProperties}. */
public record ApiSettings(long maxBodyBytes, Limits limits, int defaultPageSize, int maxPageSize, Duration readYourWritesWait,
                        Duration submitTimeout, long recentSubmissionsMaxBytes, Duration recentSubmissionsTtl, Duration idempotencyWait,
                        Duration maxWait, int maxWaitingReads, LogSettings logs, Path stateDir, String instanceId,
                        AdmissionSettings admission, DeliverySettings delivery) {

    public ApiSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(delivery, "delivery");
        requirePositive(maxBodyBytes, "maxBodyBytes");
        if (maxBodyBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodyBytes must be below 2GB, was " + maxBodyBytes);
        }
        requirePositive(defaultPageSize, "defaultPageSize");
        requirePositive(recentSubmissionsMaxBytes, "recentSubmissionsMaxBytes");
        if (maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("maxPageSize (" + maxPageSize + ") must be at least defaultPageSize (" + defaultPageSize + ")");
        }
        requireNotNegative(readYourWritesWait, "readYourWritesWait");
        requirePositive(submitTimeout, "submitTimeout");
        requirePositive(recentSubmissionsTtl, "recentSubmissionsTtl");
        requirePositive(idempotencyWait, "idempotencyWait");
        requirePositive(maxWait, "maxWait");
        requirePositive(maxWaitingReads, "maxWaitingReads");
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
