package org.gorchestrator.validation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Reads a gorch document (a POST body, a file) into a {@link Graph} with the shared {@link Json} mapping, and turns
 * Jackson's errors into a field path ({@code nodes[2].args}) and a message in document terms (no Java types). The API
 * and the command line's offline {@code validate} both read with it, so they say the same.
 *
 * <p>Strict where the shared mapping is lenient: an unknown field is refused here (a misspelt {@code tmeout} would
 * otherwise run the node with the default timeout), and so is a value of another JSON type than its field's, which
 * Jackson would convert: a number as a string ({@code "timeout": "30"}, a matrix entry {@code "1"}), a number or a
 * boolean where a string goes ({@code "args": [5]}), as the seed's reader refused them too. The conductor's state and
 * events, read with the shared mapping, stay readable by an older version. Server-owned fields ({@code id}, {@code state}, dates, attempts) are
 * known fields, so a document read back from the API can be submitted again; the server sets them anew.
 */
public final class DocumentReader {
    private static final String BODY = "body";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);
    private static final JsonMapper MAPPER = strictTypes(Json.mapper().rebuild())
            // A field given twice would mean what the last one says here and perhaps the first elsewhere.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectReader STRICT = MAPPER.readerFor(Graph.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @throws UnreadableDocumentException naming the field (or "body") and what is wrong */
    public Graph read(byte[] body) {
        if (isBlank(body)) {
            throw malformed(BODY, "is empty; send a gorch document (a JSON object)");
        }
        Graph graph;
        try {
            graph = STRICT.readValue(body);
        } catch (JacksonException e) {
            throw unreadable(e);
        }
        if (graph == null) {
            throw malformed(BODY, "is null; send a gorch document (a JSON object)");
        }
        return graph;
    }

    /**
     * Reads JSON as strictly as a document's syntax (a field given twice is refused, errors say where), without mapping
     * it: for a body that carries a document among fields of its own (a template's {@code inputs}).
     *
     * @throws UnreadableDocumentException naming the field (or "body") and what is wrong
     */
    public JsonNode readTree(byte[] body) {
        if (isBlank(body)) {
            throw malformed(BODY, "is empty; send a JSON object");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw unreadable(e);
        }
    }

    /**
     * The 400 for JSON that Jackson could not read as the type asked for, naming the field as a user writes it
     * ({@code inputs.version}, {@code nodes[0].args}) and saying what it must be: for the API's other bodies too.
     */
    public static UnreadableDocumentException unreadable(JacksonException e) {
        // STRICT_DUPLICATE_DETECTION's error names the repeated field only in its message.
        Matcher repeated = DUPLICATE.matcher(e instanceof StreamReadException ? e.getOriginalMessage() : "");
        if (repeated.matches()) {
            String field = field(e);
            return new UnreadableDocumentException(new Violation((field.equals(BODY) ? "" : field + ".") + repeated.group(1),
                    "is given twice; a field may appear once in an object" + at(e.getLocation())));
        }
        return new UnreadableDocumentException(new Violation(field(e), describe(e) + at(e.getLocation())));
    }

    /** No conversion between JSON's scalar types: each field takes only values of its own. */
    private static JsonMapper.Builder strictTypes(JsonMapper.Builder mapper) {
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.withCoercionConfig(number, refuse -> refuse.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        }
        mapper.withCoercionConfig(LogicalType.Textual, refuse -> refuse.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        mapper.withCoercionConfig(LogicalType.Boolean, refuse -> refuse.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
        return mapper;
    }

    private static String describe(JacksonException e) {
        if (JsonSyntax.isSyntax(e)) {
            return "malformed JSON: " + JsonSyntax.describe(e);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return DidYouMean.unknown("field", unknown.getPropertyName(),
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
        }
        // A string is quoted as it came; a number or a boolean in quotes would read as a string.
        if (e instanceof InvalidFormatException invalid && (invalid.getValue() instanceof String || invalid.getCurrentToken() == null)) {
            return "'" + invalid.getValue() + "' is not " + expected(invalid.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause
                && !e.getPath().isEmpty()) {
            return cause.getMessage();
        }
        if (e instanceof ValueInstantiationException) {
            return "a list holds null where an entry is required";
        }
        // Jackson reports a second value after the document as a mismatch of the root type; say what it is.
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return "has more content after the document's closing brace";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getCurrentToken() != null) {
            return "must be " + expected(mismatch.getTargetType()) + ", not " + found(mismatch.getCurrentToken());
        }
        return "cannot be read: " + e.getOriginalMessage();
    }

    /** The path of the failing value as a user writes it, e.g. {@code nodes[0].args}. */
    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "a date-time such as 2024-01-31T10:00:00Z";
        }
        if (type == State.class) {
            return "a state code or name";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a value of another type";
    }

    private static String found(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static UnreadableDocumentException malformed(String field, String message) {
        return new UnreadableDocumentException(new Violation(field, message));
    }
}
