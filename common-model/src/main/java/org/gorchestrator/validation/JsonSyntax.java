package org.gorchestrator.validation;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * What is wrong with text that is not JSON, in plain words: the parser's message without its internals (character
 * codes, source descriptions, Java types and settings). The caller adds the line and column.
 */
final class JsonSyntax {
    /** " (code 125)" after a quoted character. */
    private static final Pattern CHARACTER_CODE = Pattern.compile("\\s*\\(code -?\\d+\\)");
    /** "(for Object starting at [Source: ...; line: 1, column: 1])" and the like. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(for [^\\[]*\\[Source:.*\\]\\)", Pattern.DOTALL);
    /** Parser settings named in a message, e.g. "(`JsonReadFeature.ALLOW_SINGLE_QUOTES`)"; what follows them too. */
    private static final Pattern SETTING = Pattern.compile("[;:,]?\\s*\\(?[^()]*`[A-Za-z]+\\.[A-Za-z_().]+`.*", Pattern.DOTALL);
    /** "((CTRL-CHAR, code 9))": a raw tab or newline inside a string. */
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\(\\(CTRL-CHAR, code -?\\d+\\)\\)");
    /** "('}')" around a quoted character. */
    private static final Pattern QUOTED_CHARACTER = Pattern.compile("\\(('.')\\)");
    private static final String VALUE_EXPECTED = "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    private static final String FIELD_EXPECTED = "was expecting double-quote to start property name";

    private JsonSyntax() {}

    /** True for the errors of text that is not JSON, as opposed to JSON that is not a document. */
    static boolean isSyntax(JacksonException e) {
        return e instanceof StreamReadException || e instanceof StreamConstraintsException;
    }

    static String describe(JacksonException e) {
        if (e instanceof UnexpectedEndOfInputException) {
            return "the document ends too early: a closing }, ] or \" is missing";
        }
        if (e instanceof InputCoercionException) {
            return "a number is too large";
        }
        if (e instanceof StreamConstraintsException) {
            return "the document is nested too deeply or holds a value too long";
        }
        String message = e.getOriginalMessage();
        message = SOURCE.matcher(message).replaceAll("");
        message = CONTROL_CHARACTER.matcher(message).replaceAll("(a tab, line break or other control character)");
        message = CHARACTER_CODE.matcher(message).replaceAll("");
        message = SETTING.matcher(message).replaceAll("");
        message = QUOTED_CHARACTER.matcher(message).replaceAll("$1");
        message = message.replace(VALUE_EXPECTED, "expected a value: a string in double quotes, a number, an object, an array, true, false or null")
                .replace(FIELD_EXPECTED, "expected a field name in double quotes")
                .replace("was expecting", "expected").replace("Array entries", "array entries").replace("Object entries", "fields");
        return lowerFirst(message.strip());
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? "not JSON" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
