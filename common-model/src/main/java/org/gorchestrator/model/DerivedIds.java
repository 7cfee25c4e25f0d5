package org.gorchestrator.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Workflow ids derived from a name, so that every attempt to start "the same" run names the same workflow and the
 * conductor keeps only the first: a UUIDv8 (RFC 9562) holding the first 122 bits of SHA-256 of the name. Used for
 * Idempotency-Keys ({@code gorch-idempotency:KEY}) and schedule ticks ({@code gorch-schedule:NAME@EPOCH_MILLIS}).
 */
public final class DerivedIds {
    private static final long VERSION_MASK = 0xF000L;
    private static final long VERSION_8 = 0x8000L;
    private static final long RANDOM_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private DerivedIds() {}

    public static String of(String name) {
        ByteBuffer hash = ByteBuffer.wrap(sha256(name.getBytes(StandardCharsets.UTF_8)));
        long high = hash.getLong() & ~VERSION_MASK | VERSION_8;
        long low = hash.getLong() & RANDOM_MASK | VARIANT;
        return new UUID(high, low).toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
