package org.gorchestrator.conductor.topology;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.kafka.RecordParts;
import org.gorchestrator.model.NumberedKeys;
import org.gorchestrator.model.StateRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the workflow commands that came in parts ({@link RecordParts}: the API sends a submit larger than a part that
 * way) and hands every command, whole, to the commands' {@link InputReader}. A part waits in the
 * {@link ConductorTopology#COMMAND_PARTS_STORE parts store} until its send's last part comes; then the parts are
 * joined, in the last part's transaction, and removed. A record without a part header passes as it came.
 *
 * <p>A send whose last part finds a part missing (an earlier one the broker refused), or whose parts would join into
 * more than {@link ConductorSettings#maxCommandBytes()}, is dead-lettered: its client was told the submit failed, and
 * nothing of it runs. Parts whose last one never comes (the API stopped half way) are removed after
 * {@link ConductorSettings#partsRetention()}, counted as {@code incomplete-parts} rejections.
 *
 * <p>A replayed part (after an aborted transaction) writes the same store entry again, and a send joined twice is a
 * duplicate submit, which the engine ignores.
 */
final class CommandParts implements Processor<String, byte[], String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(CommandParts.class);
    /** A part's key: its workflow and send, then its index (at most 9 digits: {@code RecordParts}' header). */
    private static final NumberedKeys PART_KEYS = new NumberedKeys(9);
    private static final int STAMP_BYTES = Long.BYTES;

    private final ConductorSettings settings;
    private final ConductorMetrics metrics;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> parts;
    private DeadLetters deadLetters;
    private Wakeup wakeup;

    CommandParts(ConductorSettings settings, ConductorMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.parts = context.getStateStore(ConductorTopology.COMMAND_PARTS_STORE);
        this.deadLetters = new DeadLetters(context, metrics, settings.maxStateBytes());
        // Parts go within a tenth of the retention after it ends: no punctuation (so no commit) while none waits.
        this.wakeup = new Wakeup(context, settings.partsRetention().dividedBy(10), this::removeExpired);
        try (KeyValueIterator<String, byte[]> waiting = parts.all()) {
            if (waiting.hasNext()) {
                wakeup.soon();
            }
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<RecordParts.Part> part;
        try {
            part = RecordParts.of(record.headers());
        } catch (IllegalArgumentException e) {
            reject(record, RejectReason.MALFORMED, e.getMessage());
            return;
        }
        if (part.isEmpty()) {
            context.forward(record, ConductorTopology.COMMANDS_READER);
        } else if (record.key() == null || !StateRecords.storable(record.key())) {
            reject(record, RejectReason.KEY_MISMATCH, "a part of a command needs the key of its workflow, was " + record.key());
        } else if (!part.get().isLast()) {
            keep(record, part.get());
        } else {
            join(record, part.get());
        }
    }

    private void keep(Record<String, byte[]> record, RecordParts.Part part) {
        long now = context.currentSystemTimeMs();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        parts.put(PART_KEYS.key(send(record.key(), part.sendId()), part.index()), ByteBuffer.allocate(STAMP_BYTES + value.length).putLong(now).put(value).array());
        wakeup.notLaterThan(Instant.ofEpochMilli(now).plus(settings.partsRetention()));
    }

    /** The last part came: the earlier ones, in order, then it, as one command; or the dead letter of an incomplete or oversized send. */
    private void join(Record<String, byte[]> last, RecordParts.Part part) {
        byte[] lastBytes = last.value() == null ? new byte[0] : last.value();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        String problem = takeEarlierParts(last.key(), part, joined);
        if (problem == null && (long) joined.size() + lastBytes.length > settings.maxCommandBytes()) {
            problem = tooLarge();
        }
        if (problem != null) {
            reject(last, RejectReason.INCOMPLETE_PARTS, "the command sent in parts as " + part.sendId() + " is refused: " + problem);
            return;
        }
        joined.writeBytes(lastBytes);
        Headers headers = new RecordHeaders(last.headers().toArray());
        headers.remove(RecordParts.HEADER);
        context.forward(new Record<>(last.key(), joined.toByteArray(), last.timestamp(), headers), ConductorTopology.COMMANDS_READER);
    }

    /**
     * Appends the parts before {@code last} of its send to {@code joined}, in order, as long as none is missing and
     * they stay within the limit (so an oversized send is never held whole), and removes them all from the store.
     *
     * @return what is wrong with them, or null when they are all there
     */
    private String takeEarlierParts(String workflowId, RecordParts.Part last, ByteArrayOutputStream joined) {
        String send = send(workflowId, last.sendId());
        List<String> keys = new ArrayList<>();
        String problem = null;
        try (KeyValueIterator<String, byte[]> earlier = parts.range(NumberedKeys.first(send), NumberedKeys.after(send))) {
            while (earlier.hasNext()) {
                KeyValue<String, byte[]> entry = earlier.next();
                int expected = keys.size();
                keys.add(entry.key);
                if (problem == null && NumberedKeys.numberOf(entry.key) != expected) {
                    problem = missing(expected, last.count());
                } else if (problem == null && (long) joined.size() + entry.value.length - STAMP_BYTES > settings.maxCommandBytes()) {
                    problem = tooLarge();
                } else if (problem == null) {
                    joined.write(entry.value, STAMP_BYTES, entry.value.length - STAMP_BYTES);
                }
            }
        }
        keys.forEach(parts::delete);
        return problem == null && keys.size() != last.count() - 1 ? missing(keys.size(), last.count()) : problem;
    }

    private static String missing(int index, int count) {
        return "part " + index + " of " + count + " never came";
    }

    private String tooLarge() {
        return "its parts join into more than a command may take: over the limit of " + settings.maxCommandBytes()
                + " bytes (gorch.kafka.max-command-size)";
    }

    /** Removes the parts that waited longer than the retention for the rest of their send; moves the wake-up to the next to expire. */
    private void removeExpired(long now) {
        long expiredBefore = now - settings.partsRetention().toMillis();
        long oldestKept = Long.MAX_VALUE;
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = parts.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                long arrived = ByteBuffer.wrap(entry.value).getLong();
                if (arrived <= expiredBefore) {
                    expired.add(entry.key);
                } else {
                    oldestKept = Math.min(oldestKept, arrived);
                }
            }
        }
        for (String key : expired) {
            parts.delete(key);
            metrics.rejected(RejectReason.INCOMPLETE_PARTS.label());
            LOG.warn("removed a part of a command whose last part did not come within {}: workflow {}", settings.partsRetention(),
                    StateRecords.workflowOf(key));
        }
        wakeup.moveTo(oldestKept == Long.MAX_VALUE ? null : Instant.ofEpochMilli(oldestKept).plus(settings.partsRetention()));
    }

    private void reject(Record<String, byte[]> record, RejectReason reason, String detail) {
        LOG.warn("dead-lettering the command record with key {}: {}", record.key(), detail);
        deadLetters.send(reason, detail, record.key(), record.value(), record.headers(), record.timestamp());
    }

    /** The group of a send's parts: its workflow id (which holds no NUL) and its send id (letters, digits and dashes). */
    private static String send(String workflowId, String sendId) {
        return NumberedKeys.first(workflowId) + sendId;
    }
}
