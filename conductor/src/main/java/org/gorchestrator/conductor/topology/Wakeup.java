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
 *
 * <p>It reads the task's wall clock ({@link ProcessorContext#currentSystemTimeMs()}), which Kafka
 * Streams sets only while a record or a punctuation is processed: during {@code init()} it is still
 * unset (0) or left over from before the task was suspended. So {@link #notLaterThan} and
 * {@link #moveTo} are for those moments only, and {@code init()} uses {@link #soon()}: a wait
 * worked out from an unset clock put the first punctuation decades away, and every timer of a
 * restarted task with timers pending stopped.
 */
public final class Wakeup {
    private final ProcessorContext<?, ?> context;
    private final long precisionMillis;
    private final Punctuator punctuator;
    private Cancellable scheduled;
    private long firesAt;

    public Wakeup(ProcessorContext<?, ?> context, Duration precision, Punctuator punctuator) {
        this.context = context;
        this.precisionMillis = Math.max(1, precision.toMillis());
        this.punctuator = punctuator;
    }

    /** A timer is due at {@code due} (null: none): the punctuation comes then, or within the precision after. */
    public void notLaterThan(Instant due) {
        if (due == null) {
            return;
        }
        long dueMillis = due.toEpochMilli();
        if (scheduled == null || firesAt > dueMillis + precisionMillis) {
            schedule(dueMillis);
        }
    }

    /**
     * Something may already be due but the clock cannot be read yet (in {@code init()}): the
     * punctuation comes after the precision, and its handler, which has the clock, moves it on.
     */
    public void soon() {
        cancel();
        firesAt = Long.MIN_VALUE; // due before anything that may be asked for until then: never moved earlier
        scheduled = context.schedule(Duration.ofMillis(precisionMillis), PunctuationType.WALL_CLOCK_TIME, punctuator);
    }

    /** The earliest timer is now due at {@code next} (null: there is none): the punctuation moves there. */
    public void moveTo(Instant next) {
        cancel();
        notLaterThan(next);
    }

    public void cancel() {
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
