package org.gorchestrator.api.admission;

import java.util.List;

/** Reads how far behind their consumer groups the watched topics are. */
@FunctionalInterface
public interface LagSource extends AutoCloseable {
    /**
     * The lag of each watched topic, in the order watched.
     *
     * @throws Exception when the lags cannot be read (the broker does not answer in time)
     */
    List<Lag> read() throws Exception;

    @Override
    default void close() throws Exception {}
}
