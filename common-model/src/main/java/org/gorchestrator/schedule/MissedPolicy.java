package org.gorchestrator.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What becomes of the ticks that passed while no conductor could fire them (down, restarting, rebalancing). */
public enum MissedPolicy {
    /** They start nothing. */
    SKIP,
    /** The latest of them starts one run. */
    RUN_ONCE,
    /** Each starts its run, the latest {@code max_missed_runs} of them at most. */
    RUN_ALL;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static MissedPolicy parse(String label) {
        return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is no missed-tick policy; use skip, run-once or run-all"));
    }
}
