package org.gorchestrator.api.templates;

import java.util.regex.Pattern;
import org.gorchestrator.api.http.InvalidParameterException;

/** Names of templates and schedules: they are record keys and URL path segments, so plain and short. */
public final class DefinitionNames {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private DefinitionNames() {}

    /** @throws InvalidParameterException (a 400 naming {@code name}) for any other name */
    public static String check(String name) {
        if (name == null || !FORM.matcher(name).matches()) {
            throw new InvalidParameterException("name", "'" + name + "' is no name: 1 to 128 letters, digits, . _ -, starting with a letter or digit");
        }
        return name;
    }
}
