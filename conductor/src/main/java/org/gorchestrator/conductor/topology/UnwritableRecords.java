package org.gorchestrator.conductor.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflows of which a record could not be written (too large for the producer or the broker,
 * or not serializable), reported by the conductor's production exception handler and settled by
 * the {@link WorkflowProcessor} that owns the workflow: the first time by failing it with its
 * outputs dropped, the next time by deleting it. The processor checks most workflows' own records
 * before it sends them (see {@link ConductorSettings#maxStateBytes()}); this is for what it cannot
 * see, such as a topic whose own limit is lower than the producer's.
 *
 * <p>Under exactly-once, a record the producer refused dooms its transaction, and the stream thread
 * fails when it commits. {@link #replaceThread()} tells whether a new thread can settle what is
 * reported: it then reprocesses the same input and finds its workflow here. Each report allows a
 * bounded number of thread replacements, so a record that keeps failing ends in the client's
 * shutdown, never in a loop.
 */
public final class UnwritableRecords {
    /** The Streams config key under which the production exception handler finds this registry. */
    public static final String CONFIG = "gorch.conductor.unwritable-records";
    /** Thread replacements one report may cause before the processor settled it. */
    static final int MAX_RESTARTS = 2;
    private static final int REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(UnwritableRecords.class);
    private static final String CHANGELOG = "-changelog";

    /** Why a workflow must be settled, and how many times it was settled before (0: fail it, more: delete it). */
    record Strike(String reason, int settledBefore) {
    }

    /** What is known of one workflow. */
    private static final class Entry {
        private String waiting;
        private int waitingBytes;
        private int settled;
        private int restarts;
    }

    private final ConductorMetrics metrics;
    private final Map<String, Entry> workflows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** How many reports wait to be settled; read without the lock on every input. */
    private volatile int waiting;

    public UnwritableRecords(ConductorMetrics metrics) {
        this.metrics = metrics;
    }

    /** A record with {@code key} for {@code topic} could not be written, for {@code reason} ({@code cause} says more). */
    public void report(String topic, String key, int bytes, String reason, Exception cause) {
        metrics.unwritable(topic, reason);
        String id = key == null ? null : workflowOf(topic, key);
        if (id == null) {
            LOG.error("a record of {} bytes for {} could not be written ({}), and names no workflow", bytes, topic, reason, cause);
            return;
        }
        LOG.error("workflow {}: its record of {} bytes for {} could not be written ({}); the workflow will be failed", id, bytes, topic, reason,
                cause);
        String why = "a record of " + bytes + " bytes for " + topic + " could not be written: " + cause.getMessage();
        synchronized (this) {
            Entry entry = workflows.computeIfAbsent(id, any -> new Entry());
            if (entry.waiting == null) {
                waiting++;
            } else if (entry.waitingBytes > bytes) {
                return; // the other records of a refused request fail with it: the largest tells why
            }
            entry.waiting = why;
            entry.waitingBytes = bytes;
        }
    }

    /** True when a report for workflow {@code id} waits to be settled. */
    boolean waits(String id) {
        return waiting > 0 && strikeOf(id, false) != null;
    }

    /** The report waiting for workflow {@code id}, now taken, or null; cheap when nothing waits. */
    Strike take(String id) {
        return waiting > 0 ? strikeOf(id, true) : null;
    }

    private synchronized Strike strikeOf(String id, boolean take) {
        Entry entry = workflows.get(id);
        if (entry == null || entry.waiting == null) {
            return null;
        }
        Strike strike = new Strike(entry.waiting, entry.settled);
        if (take) {
            entry.waiting = null;
            entry.settled++;
            entry.restarts = 0;
            waiting--;
        }
        return strike;
    }

    /**
     * Whether a stream thread that failed should be replaced: yes while a report waits that a new
     * thread may still settle, each at most {@link #MAX_RESTARTS} times; otherwise the failure is not
     * ours to handle, or settling did not help.
     */
    public synchronized boolean replaceThread() {
        boolean replace = false;
        for (Entry entry : workflows.values()) {
            if (entry.waiting != null && entry.restarts < MAX_RESTARTS && entry.settled <= 1) {
                entry.restarts++;
                replace = true;
            }
        }
        return replace;
    }

    /**
     * The workflow a record is about, from its key: the workflow id on the workflow topics and most
     * stores, {@code id/node} on the node topics, {@code id NUL index} in the workflow store,
     * {@code millis/id} in the timer store.
     */
    static String workflowOf(String topic, String key) {
        int nul = key.indexOf('\0');
        if (nul >= 0) {
            return key.substring(0, nul);
        }
        if (topic.endsWith("-" + ConductorTopology.TIMER_STORE + CHANGELOG)) {
            return key.substring(key.indexOf('/') + 1);
        }
        int slash = key.lastIndexOf('/');
        return slash >= 0 ? key.substring(0, slash) : key;
    }
}
