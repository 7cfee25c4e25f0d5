package org.gorchestrator.api.view;

/** Numbers in store keys, written so that keys sort by them as text. */
public final class SortableNumbers {
    /** Digits of the largest number, {@link Long#MAX_VALUE}. */
    private static final int DIGITS = 19;

    private SortableNumbers() {}

    /**
     * {@code number} zero-padded to 19 digits. Padded by hand: {@code String.format} showed in the view's profile,
     * run for every event and log chunk it stores.
     *
     * @param number not negative
     */
    public static String padded(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("a key's number must not be negative, was " + number);
        }
        String digits = Long.toString(number);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }
}
