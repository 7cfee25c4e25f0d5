package org.gorchestrator.worker.driver;

/** Shortening of user-controlled text before it goes into a message. */
public final class Texts {
    private Texts() {}

    /** The first {@code max} characters, with an ellipsis when cut. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The last {@code max} characters, with an ellipsis when cut. */
    public static String lastChars(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max);
    }
}
