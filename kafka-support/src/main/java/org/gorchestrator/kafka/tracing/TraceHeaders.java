package org.gorchestrator.kafka.tracing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The W3C {@code traceparent} header of Gorchestrator's records: {@code 00-<trace id>-<span id>-<flags>}. */
public final class TraceHeaders {
    public static final String TRACEPARENT = "traceparent";
    private static final int TRACE_ID_START = 3;
    private static final int TRACE_ID_END = 35;

    private TraceHeaders() {}

    /** @return the record's trace context, or null when it carries none */
    public static String traceparent(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** New headers carrying {@code traceparent}; empty when it is null. */
    public static Headers of(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** @return the trace id of a well-formed {@code traceparent}, else null */
    public static String traceId(String traceparent) {
        if (traceparent == null || traceparent.length() < TRACE_ID_END + 1 || traceparent.charAt(TRACE_ID_START - 1) != '-'
                || traceparent.charAt(TRACE_ID_END) != '-') {
            return null;
        }
        return traceparent.substring(TRACE_ID_START, TRACE_ID_END);
    }
}
