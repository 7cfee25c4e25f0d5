package org.gorchestrator.kafka.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/** A hop is a span, child of the incoming context and in scope while open (so log lines carry its trace and span ids). */
final class SpanTracing implements RecordTracing {
    private final Tracer tracer;
    private final Propagator propagator;

    SpanTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Hop open(String name, String traceparent) {
        Map<String, String> incoming = traceparent == null ? Map.of() : Map.of(TraceHeaders.TRACEPARENT, traceparent);
        Span span = propagator.extract(incoming, Map::get).name(name).kind(Span.Kind.CONSUMER).start();
        return new SpanHop(span, tracer.withSpan(span), outgoing(span));
    }

    private String outgoing(Span span) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TraceHeaders.TRACEPARENT);
    }

    private record SpanHop(Span span, Tracer.SpanInScope scope, String traceparent) implements Hop {
        @Override
        public Hop tag(String key, String value) {
            span.tag(key, value);
            return this;
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
