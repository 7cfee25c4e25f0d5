package org.gorchestrator.conductor.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.kafka.tracing.Hop;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.model.StateRecords;

/**
 * Sends workflow documents to the state topic, whole or in parts ({@link StateRecords}): a workflow whose own state changed (submitted,
 * finished, cancelled, rerun) at once, so that a reader waiting for the end is not kept waiting; one
 * whose nodes alone changed at most once per {@code interval}, with its latest document. A
 * 1,000-node fan-out changes a thousand times in a few seconds; sending its whole document each
 * time made the state topic, the broker and every view carry the graph a thousand times over.
 *
 * <p>The workflows not yet sent are in the {@link ConductorTopology#UNPUBLISHED_STORE} (with the
 * trace context of the change), written in the same transaction as the documents, so a restart
 * sends what a crash left unsent. The punctuation runs only while something waits to be sent: an
 * idle conductor does not commit for it.
 */
final class StatePublisher {
    private final ProcessorContext<String, Object> context;
    private final Function<String, DocumentWriter> writers;
    private final KeyValueStore<String, String> unpublished;
    private final Duration interval;
    private final Set<String> pending = new LinkedHashSet<>();
    private final Wakeup wakeup;

    /** {@code writers}: a workflow's current document by its id, null once it is gone or published otherwise. */
    StatePublisher(ProcessorContext<String, Object> context, Duration interval, Function<String, DocumentWriter> writers) {
        this.context = context;
        this.interval = interval;
        this.writers = writers;
        this.unpublished = context.getStateStore(ConductorTopology.UNPUBLISHED_STORE);
        this.wakeup = new Wakeup(context, interval, this::publishPending);
        try (KeyValueIterator<String, String> left = unpublished.all()) {
            left.forEachRemaining(entry -> pending.add(entry.key));
        }
        if (!pending.isEmpty()) {
            wakeup.soon(); // in init the clock is not set yet: see Wakeup
        }
    }

    /** Workflow {@code id}'s document changed, in {@code hop}; {@code now}: its own state did. */
    void changed(String id, DocumentWriter writer, long timestamp, Hop hop, boolean now) {
        if (now || interval.isZero()) {
            if (pending.remove(id)) {
                unpublished.delete(id);
            }
            publish(id, writer, timestamp, hop.traceparent());
        } else if (pending.add(id)) {
            unpublished.put(id, hop.traceparent() == null ? "" : hop.traceparent());
            wakeAfterInterval();
        }
    }

    /**
     * Workflow {@code id}, of {@code nodes} nodes stored in parts, was deleted: a tombstone replaces each of its parts
     * (the header last), and nothing is left to send.
     */
    void purged(String id, int nodes, long timestamp) {
        if (pending.remove(id)) {
            unpublished.delete(id);
        }
        if (StateRecords.inParts(nodes)) {
            for (int index = 0; index < nodes; index++) {
                context.forward(new Record<>(StateRecords.nodeKey(id, index), null, timestamp), ConductorTopology.WORKFLOW_STATE_SINK);
            }
        }
        context.forward(new Record<>(id, null, timestamp), ConductorTopology.WORKFLOW_STATE_SINK);
    }

    /** Sends the workflow's document: whole, or the nodes that changed since this writer last sent them and the header. */
    private void publish(String id, DocumentWriter writer, long timestamp, String traceparent) {
        int nodes = writer.state().size();
        if (!StateRecords.inParts(nodes)) {
            send(id, writer.document(), timestamp, TraceHeaders.of(traceparent));
            return;
        }
        writer.publishChanges(new DocumentWriter.Changes() {
            @Override
            public void header(byte[] json) {
                Headers headers = TraceHeaders.of(traceparent);
                headers.add(StateRecords.NODES_HEADER, Integer.toString(nodes).getBytes(StandardCharsets.US_ASCII));
                send(id, json, timestamp, headers);
            }

            @Override
            public void node(int index, byte[] json) {
                send(StateRecords.nodeKey(id, index), json, timestamp, TraceHeaders.of(traceparent));
            }
        });
    }

    private void send(String key, byte[] value, long timestamp, Headers headers) {
        context.forward(new Record<>(key, value, timestamp, headers), ConductorTopology.WORKFLOW_STATE_SINK);
    }

    private void publishPending(long now) {
        // A copy: fetching a document may settle an unwritable workflow, which publishes it at once (see changed).
        for (String id : List.copyOf(pending)) {
            String traceparent = unpublished.get(id);
            unpublished.delete(id);
            DocumentWriter writer = writers.apply(id);
            if (writer != null) {
                publish(id, writer, now, traceparent == null || traceparent.isEmpty() ? null : traceparent);
            }
        }
        pending.clear();
        wakeup.cancel();
    }

    /** A no-op while a publish is already due: the first change waiting sets when the batch goes. */
    private void wakeAfterInterval() {
        if (!pending.isEmpty()) {
            wakeup.notLaterThan(Instant.ofEpochMilli(context.currentSystemTimeMs()).plus(interval));
        }
    }
}
