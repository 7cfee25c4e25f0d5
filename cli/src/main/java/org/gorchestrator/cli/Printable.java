package org.gorchestrator.cli;

/**
 * Text from the server or from a document, made safe to print on a terminal: names, messages and problems come from
 * whoever wrote the document and from what its programs printed to stderr, and an escape sequence among them would
 * be obeyed by the terminal (retitle it, clear the screen, fake a line of output). Line breaks and tabs become
 * spaces, so one item stays one line; every other control character is shown in caret notation ({@code ^[} for
 * ESC) or as {@code <U+009B>}, and so are the characters that reorder text (bidirectional overrides and isolates).
 * {@code gorch logs} alone prints what a node printed as it was, as {@code kubectl logs} does.
 */
final class Printable {
    private Printable() {}

    static String of(String text) {
        if (text == null || text.chars().noneMatch(Printable::unsafe)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                safe.append(' ');
            } else if (c < 0x20) {
                safe.append('^').append((char) (c + '@'));
            } else if (c == 0x7f) {
                safe.append("^?");
            } else if (unsafe(c)) {
                safe.append(String.format("<U+%04X>", c));
            } else {
                safe.append((char) c);
            }
        });
        return safe.toString();
    }

    private static boolean unsafe(int c) {
        return Character.isISOControl(c) || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
