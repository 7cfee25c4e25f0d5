package org.gorchestrator.conductor.topology;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * A wall-clock punctuation scheduled only for when something is due, rather than every so often:
 * after any punctuation Kafka Streams commits a transaction, written to or not, so a tick every
 * 250 ms kept an idle conductor committing several times a second. The timers use it (while some
 * are due it fires every {@code precision}, as the tick did), and so does the {@link StatePublisher}.
 */
final class Wakeup {
    private final ProcessorContext<?, ?> context;
    private final long precisionMillis;
    private final Punctuator punctuator;
    private Cancellable scheduled;
    private long firesAt;

    Wakeup(ProcessorContext<?, ?> context, Duration precision, Punctuator punctuator) {
        this.context = context;
        this.precisionMillis = Math.max(1, precision.toMillis());
        this.punctuator = punctuator;
    }

    /** A timer is due at {@code due} (null: none): the punctuation comes then, or within the precision after. */
    void notLaterThan(Instant due) {
        if (due == null) {
            return;
        }
        long dueMillis = due.toEpochMilli();
        if (scheduled == null || firesAt > dueMillis + precisionMillis) {
            schedule(dueMillis);
        }
    }

    /** The earliest timer is now due at {@code next} (null: there is none): the punctuation moves there. */
    void moveTo(Instant next) {
        cancel();
        notLaterThan(next);
    }

    void cancel() {
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
    }

    private void schedule(long dueMillis) {
        cancel();
        long now = context.currentSystemTimeMs();
        long wait = Math.max(precisionMillis, dueMillis - now);
        firesAt = now + wait;
        scheduled = context.schedule(Duration.ofMillis(wait), PunctuationType.WALL_CLOCK_TIME, punctuator);
    }
}
