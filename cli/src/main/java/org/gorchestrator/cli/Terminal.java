package org.gorchestrator.cli;

import picocli.CommandLine.Help.Ansi.Style;

/** What the live display needs of the terminal: its width, whether to colour, and picocli's escape codes for colours. */
final class Terminal {
    /** Most terminals are at least this wide; shells seldom export COLUMNS to programs. */
    private static final int DEFAULT_COLUMNS = 80;
    private static final String UP = "\033[%dA";
    private static final String CLEAR_TO_END = "\033[J";

    private Terminal() {}

    static int columns() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns >= 20 ? columns : DEFAULT_COLUMNS;
        } catch (NumberFormatException unset) {
            return DEFAULT_COLUMNS;
        }
    }

    /** Colours unless the user asked for none (https://no-color.org). */
    static boolean colours() {
        String noColour = System.getenv("NO_COLOR");
        return noColour == null || noColour.isEmpty();
    }

    /** Back to the start of the line {@code lines} above, and everything from there down erased. */
    static String erase(int lines) {
        return lines == 0 ? "" : "\r" + String.format(UP, lines) + CLEAR_TO_END;
    }

    /** Ends with a full reset: picocli's "bold off" (SGR 21) is "double underline" to many terminals. */
    static String paint(boolean colours, Style style, String text) {
        return colours ? Style.on(style) + text + Style.on(Style.reset) : text;
    }
}
