package org.gorchestrator.validation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * The message for a name nobody declared (a document's field, a query parameter): the nearest known name when it is
 * a near miss ({@code tmeout} → {@code timeout}), else every known name, so the writer learns the right spelling.
 */
public final class DidYouMean {
    /** At most this many edits (a swap of two neighbours is one) make a near miss; more would suggest unrelated names. */
    private static final int MAX_EDITS = 2;
    private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance(MAX_EDITS);

    private DidYouMean() {}

    /** E.g. {@code unknown field; did you mean `timeout`?} or {@code unknown field; known fields: a, b}. */
    public static String unknown(String kind, String name, Collection<String> known) {
        return nearest(name, known)
                .map(best -> "unknown " + kind + "; did you mean `" + best + "`?")
                .orElseGet(() -> "unknown " + kind + "; known " + kind + "s: " + known.stream().sorted().collect(Collectors.joining(", ")));
    }

    /** The known name within a few edits of {@code name} (case aside), the closest first. */
    public static Optional<String> nearest(String name, Collection<String> known) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(MAX_EDITS, wanted.length() / 3));
        return known.stream()
                .filter(candidate -> edits(wanted, candidate) <= allowed)
                .min(Comparator.comparingInt((String candidate) -> edits(wanted, candidate)).thenComparing(Comparator.naturalOrder()));
    }

    /** The edits between the two, or more than {@link #MAX_EDITS} when the library stops counting (-1). */
    private static int edits(String wanted, String candidate) {
        int distance = DISTANCE.apply(wanted, candidate.toLowerCase(Locale.ROOT));
        return distance < 0 ? MAX_EDITS + 1 : distance;
    }
}
