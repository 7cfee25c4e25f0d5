package org.gorchestrator.kafka.tracing;

import org.slf4j.MDC;

/** Sends the incoming context on as it came and, as a tracer's log correlation would, puts its trace id in the MDC. */
final class PassThroughHop implements Hop {
    private static final String TRACE_ID = "traceId";

    private final String traceparent;
    private final MDC.MDCCloseable mdc;

    PassThroughHop(String name, String traceparent) {
        this.traceparent = traceparent;
        String traceId = TraceHeaders.traceId(traceparent);
        this.mdc = traceId == null ? null : MDC.putCloseable(TRACE_ID, traceId);
    }

    @Override
    public String traceparent() {
        return traceparent;
    }

    @Override
    public Hop tag(String key, String value) {
        return this;
    }

    @Override
    public void close() {
        if (mdc != null) {
            mdc.close();
        }
    }
}
