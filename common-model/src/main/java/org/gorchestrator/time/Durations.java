package org.gorchestrator.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of the product, used by the API's {@code wait}, the command line and the sleep engine's
 * arg: a decimal number of seconds ({@code 1.5}), or one or more Go-style parts of a decimal number and a unit
 * {@code ms}, {@code s}, {@code m} or {@code h} ({@code 300ms}, {@code 1.5s}, {@code 2m}, {@code 1h30m}). Go's grammar,
 * because the seed is a Go project and its documents already write {@code 300ms}; ISO-8601 ({@code PT1S}) is not
 * taken, so a duration has one spelling family, not two.
 */
public final class Durations {
    /** What a message shows of a rejected text. */
    private static final int SHOWN_CHARS = 40;
    private static final String NUMBER = "\\d{1,12}(?:\\.\\d{1,9})?";
    private static final Pattern SECONDS = Pattern.compile(NUMBER);
    private static final Pattern PARTS = Pattern.compile("(?:" + NUMBER + "\\s*(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(" + NUMBER + ")\\s*(ms|s|m|h)");
    public static final String EXAMPLES = "250ms, 2s, 1.5 (seconds), 2m or 1h30m";

    private Durations() {}

    /** @throws IllegalArgumentException when {@code text} is not such a duration, saying what would do */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (SECONDS.matcher(trimmed).matches()) {
            return ofMillis(new BigDecimal(trimmed).multiply(BigDecimal.valueOf(1000)));
        }
        if (!PARTS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + clip(String.valueOf(text)) + "' is not a duration; write e.g. " + EXAMPLES);
        }
        BigDecimal millis = BigDecimal.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            millis = millis.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unitMillis(part.group(2)))));
        }
        return ofMillis(millis);
    }

    /** {@code 250ms}, {@code 2s} or {@code 1.5s}: what {@link #parse} reads back. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }

    private static Duration ofMillis(BigDecimal millis) {
        return Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> throw new IllegalStateException("unit " + unit);
        };
    }

    private static String clip(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }
}
