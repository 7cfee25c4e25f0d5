package org.gorchestrator.kafka.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Continues the trace a Kafka record carries ({@link TraceHeaders#TRACEPARENT}) in the service that
 * handles it, so that the records it sends on carry the same trace. Kafka Streams and the worker's
 * thread pool have no automatic instrumentation: the context travels explicitly with each record.
 */
@FunctionalInterface
public interface RecordTracing {
    /** Without a tracer: a hop is no span, the incoming context is sent on unchanged. */
    RecordTracing PASS_THROUGH = PassThroughHop::new;

    /** Spans of {@code tracer}; {@link #PASS_THROUGH} when there is no tracer or it is the no-op one. */
    static RecordTracing of(Tracer tracer, Propagator propagator) {
        if (tracer == null || tracer == Tracer.NOOP || propagator == null) {
            return PASS_THROUGH;
        }
        return new SpanTracing(tracer, propagator);
    }

    /** Opens a hop named {@code name} that continues {@code traceparent} (null: a new trace, or none without a tracer). */
    Hop open(String name, String traceparent);
}
