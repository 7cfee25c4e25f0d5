package org.gorchestrator.api.admission;

import java.util.Objects;

/** How many records of a topic its group had yet to handle when read. */
public record Lag(BacklogTopic topic, long records) {
    public Lag {
        Objects.requireNonNull(topic, "topic");
        if (records < 0) {
            throw new IllegalArgumentException("records must not be negative, was " + records);
        }
    }
}
