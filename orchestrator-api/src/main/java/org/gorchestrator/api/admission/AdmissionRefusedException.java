package org.gorchestrator.api.admission;

import java.time.Duration;

/** A submission refused because work it would wait behind is over its limit; nothing was submitted. */
public final class AdmissionRefusedException extends RuntimeException {
    private final Lag lag;
    private final long limit;
    private final Duration retryAfter;

    public AdmissionRefusedException(Lag lag, long limit, Duration retryAfter) {
        super(lag.topic().backlog().description() + " (topic " + lag.topic().topic() + ", group " + lag.topic().group() + ") are "
                + lag.records() + ", over the limit of " + limit + " (" + lag.topic().backlog().limitProperty()
                + "): work accepted now would start late; nothing was submitted: submit again after Retry-After");
        this.lag = lag;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public Lag lag() {
        return lag;
    }

    public long limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
