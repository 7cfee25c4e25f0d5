package org.gorchestrator.model;

/** Numbers in store keys, zero-padded to a fixed width so that keys sort by them as text. */
public final class SortableNumbers {
    /** Digits of the largest long, {@link Long#MAX_VALUE}: every number that is not negative fits them. */
    public static final int LONG_DIGITS = Long.toString(Long.MAX_VALUE).length();

    private SortableNumbers() {}

    /**
     * {@code number} zero-padded to {@code digits}. Padded by hand: {@code String.format} showed in the API view's
     * profile, run for every event and log chunk it stores.
     *
     * @throws IllegalArgumentException when {@code number} is negative or longer than {@code digits}: it would not sort
     */
    public static String padded(long number, int digits) {
        String written = Long.toString(number);
        if (number < 0 || written.length() > digits) {
            throw new IllegalArgumentException(number + " does not fit " + digits + " digits");
        }
        return "0".repeat(digits - written.length()) + written;
    }
}
