package org.gorchestrator.kafka.tracing;

/** One service's part of a trace, current on the thread that opened it until closed. */
public interface Hop extends AutoCloseable {

    /** @return the context the records sent within this hop carry ({@code traceparent}), or null when there is none */
    String traceparent();

    /** Adds a tag to the hop's span, if it has one. */
    Hop tag(String key, String value);

    @Override
    void close();
}
