package org.gorchestrator.conductor.topology;

import java.util.OptionalLong;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.kafka.events.CloudEvents;
import org.gorchestrator.kafka.tracing.Hop;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.StateRecords;

/**
 * The one owner of a task's workflows: their parts in the {@link WorkflowStore}, the running ones
 * kept decoded in {@link LiveStates}, each in the {@link DocumentWriter} that knows which parts
 * changed, and their documents on the state topic ({@link StatePublisher}). The processor only
 * {@link #load loads} a workflow, lets the engine decide on it, and {@link #commit commits} or
 * {@link #evict evicts} it.
 *
 * <p>The engine changes the loaded {@link WorkflowState} in place, and this repository keeps it that
 * way rather than have the engine return changes to apply: a node event touches one or two nodes of
 * a workflow of any size, and in place it costs exactly that, with no copy of the workflow's arrays
 * and no change objects for the engine to allocate and the state to replay (BENCHMARKS.md, "Seed
 * graph, against the Go original"). The price is that a decision that fails half way, or whose
 * document would not fit its record, leaves the kept state changed: {@link #evict} drops it, and the
 * next {@link #load} reads the last committed one from the store, which stays the truth.
 */
final class WorkflowRepository {
    private final WorkflowStore store;
    private final LiveStates live;
    private final StatePublisher publisher;
    private final long maxStateBytes;
    /** The writer of the state {@link #load} last handed out: the one the engine changes in place. */
    private DocumentWriter loaded;

    /**
     * {@code settledInstead}: called before a workflow's batched document goes out; true when it
     * settled the workflow instead (a refused record of it waits, see {@link UnwritableRecords}), which
     * published it already.
     */
    WorkflowRepository(ProcessorContext<String, Object> context, ConductorSettings settings, Predicate<String> settledInstead) {
        this.store = new WorkflowStore(context.getStateStore(ConductorTopology.WORKFLOW_STORE));
        this.live = new LiveStates(settings.liveStateNodes());
        this.maxStateBytes = settings.maxStateBytes();
        this.publisher = new StatePublisher(context, settings.publishInterval(), id -> settledInstead.test(id) ? null : writer(id));
    }

    /** The workflow's last committed state, for the engine to decide on in place; null when it is not stored. */
    WorkflowState load(String id) {
        DocumentWriter kept = live.get(id);
        loaded = kept != null ? kept : store.load(id);
        return loaded == null ? null : loaded.state();
    }

    /**
     * Stores {@code decided} (the loaded state, changed in place, or a new one: a submit) and
     * publishes its document: at once when {@code publishNow} or the workflow's own state changed,
     * else with the next batch. Nothing is stored when a record of it (the whole document, or in parts
     * the header or a node: see {@link StateRecords}) would take more than the state record holds: the
     * state is evicted instead, and that record's size returned.
     */
    OptionalLong commit(WorkflowState decided, long timestamp, Hop hop, boolean publishNow) {
        String id = decided.id();
        DocumentWriter writer = loaded != null && loaded.state() == decided ? loaded : new DocumentWriter(decided);
        long size = StateRecords.inParts(decided.size()) ? writer.largestChange() : writer.size();
        if (size > maxStateBytes) {
            evict(id);
            return OptionalLong.of(size);
        }
        boolean runChanged = writer.runStateChanged();
        store.store(id, writer);
        live.keep(id, writer);
        publisher.changed(id, writer, timestamp, hop, publishNow || runChanged);
        return OptionalLong.empty();
    }

    /**
     * The CloudEvent of {@code event}, one of the workflow's. A node change usually carries the node as the workflow's
     * document now holds it, already serialized for the store: its JSON is reused rather than written again.
     */
    byte[] eventJson(String id, WorkflowEvent event) {
        if (event instanceof WorkflowEvent.NodeChanged changed) {
            DocumentWriter writer = live.get(id);
            byte[] node = writer == null ? null : writer.jsonOf(changed.node());
            if (node != null) {
                return CloudEvents.write(changed, node);
            }
        }
        return CloudEvents.write(event);
    }

    /** Forgets what the engine may have changed in the workflow's kept state: the next load reads the store. */
    void evict(String id) {
        live.remove(id);
        if (loaded != null && loaded.state().id().equals(id)) {
            loaded = null;
        }
    }

    /** Deletes the workflow, with a tombstone for each of its records on the state topic. */
    void delete(String id, long timestamp) {
        evict(id);
        publisher.purged(id, store.delete(id), timestamp);
    }

    /** Drops every kept state: after an aborted transaction, what they hold may never have been committed. */
    void close() {
        live.clear();
        loaded = null;
    }

    /** The workflow's current document, in its kept writer while it runs, else loaded from the store; null once it is gone. */
    private DocumentWriter writer(String id) {
        DocumentWriter kept = live.get(id);
        return kept != null ? kept : store.load(id);
    }
}
