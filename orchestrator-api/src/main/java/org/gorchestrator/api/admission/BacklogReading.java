package org.gorchestrator.api.admission;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The lags of every watched topic, read together at {@code readAt}. */
public record BacklogReading(Instant readAt, List<Lag> lags) {
    public BacklogReading {
        Objects.requireNonNull(readAt, "readAt");
        lags = List.copyOf(lags);
    }
}
