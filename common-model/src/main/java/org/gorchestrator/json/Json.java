package org.gorchestrator.json;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping used for documents, commands and events, so every module reads what the others write. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModules(modules())
            .build();

    private Json() {}

    /**
     * The modules of {@link #mapper()} that make it faster than Jackson's defaults, not different: for a mapper built
     * elsewhere (Spring's, which writes the HTTP answers) to read and write instants and records the same way, as fast.
     */
    public static List<JacksonModule> modules() {
        return List.of(RecordConstructors.module(), Instants.module());
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String writeString(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** @throws JacksonException when the bytes are not a valid {@code type} */
    public static <T> T read(byte[] bytes, Class<T> type) {
        return MAPPER.readValue(bytes, type);
    }

    public static <T> T read(String text, Class<T> type) {
        return MAPPER.readValue(text, type);
    }
}
