package org.gorchestrator.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a tick does while a run of the same schedule is still running. */
public enum OverlapPolicy {
    /** Start the new run beside it. */
    ALLOW,
    /** Start nothing for this tick. */
    SKIP,
    /** Cancel the running ones, then start the new run. */
    CANCEL_PREVIOUS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static OverlapPolicy parse(String label) {
        return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is no overlap policy; use allow, skip or cancel-previous"));
    }
}
