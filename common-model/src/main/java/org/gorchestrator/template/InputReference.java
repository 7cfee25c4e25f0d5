package org.gorchestrator.template;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arg {@code get_input NAME} (or {@code prefix=get_input NAME}), the same form as {@code get_attribute}: it
 * becomes the run's value of the template's input NAME when a run of the template is made.
 */
public record InputReference(String prefix, String input) {
    private static final Pattern FORM = Pattern.compile("^(?:([A-Za-z_][A-Za-z0-9_]*)=)?get_input\\s+(\\S+)\\s*$");

    public static Optional<InputReference> parse(String arg) {
        Matcher m = FORM.matcher(arg);
        return m.matches() ? Optional.of(new InputReference(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The arg with the reference replaced by {@code value}. */
    public String resolve(String value) {
        return prefix == null ? value : prefix + "=" + value;
    }
}
