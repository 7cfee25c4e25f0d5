package org.gorchestrator.api.tasks;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.gorchestrator.model.DerivedIds;

/**
 * Workflow ids in the UUIDv7 layout (RFC 9562): 48 bits of Unix milliseconds first, so ids sort
 * by submission time as text too; then a 12-bit counter that keeps the ids of one instance strictly
 * increasing within a millisecond; then 62 random bits, so ids are unique across instances and
 * cannot be guessed.
 *
 * <p>A submission with an Idempotency-Key gets an id derived from the key instead, so every repeat
 * of it names the same workflow: a UUIDv8 (RFC 9562) holding the first 122 bits of
 * SHA-256("gorch-idempotency:" + key). Such ids do not sort by time.
 */
public final class WorkflowIds {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[78][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final int COUNTER_BITS = 12;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;
    private static final long VERSION_7 = 0x7000L;
    private static final String KEY_NAMESPACE = "gorch-idempotency:";
    private static final long RANDOM_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The last id's milliseconds and counter as one number; a full counter carries into the milliseconds. */
    private final AtomicLong last = new AtomicLong();

    public WorkflowIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long now = clock.millis() << COUNTER_BITS;
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, now));
        long high = (stamp >>> COUNTER_BITS) << 16 | VERSION_7 | (stamp & COUNTER_MASK);
        long low = random.nextLong() & RANDOM_MASK | VARIANT;
        return new UUID(high, low).toString();
    }

    /** The id of the workflow submitted with this Idempotency-Key: the same for every call. */
    public static String forIdempotencyKey(String key) {
        return DerivedIds.of(KEY_NAMESPACE + key);
    }

    /** True for text that has the form of an id this class makes (lower-case UUIDv7, or UUIDv8 for a key). */
    public static boolean isWellFormed(String id) {
        return id != null && FORM.matcher(id).matches();
    }
}
