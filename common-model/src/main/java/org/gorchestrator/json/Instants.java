package org.gorchestrator.json;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Instants as Jackson writes and reads them ({@link java.time.format.DateTimeFormatter#ISO_INSTANT}: UTC, the
 * fraction in groups of three digits as needed), with the RFC 3339 codec of {@code com.ethlo.time:itu} instead of
 * {@code DateTimeFormatter}. Every command and event carries instants, and {@code DateTimeFormatter} builds a map
 * of fields per value it reads or writes: it was a large share of reading a node's report (BENCHMARKS.md,
 * "Reading and writing JSON"). Whatever the fast path does not take (a number, a year past 9999, a leap second,
 * text that is no RFC 3339 date-time) goes to Jackson's own, so what is accepted, and every error, stays Jackson's.
 */
final class Instants {
    private static final int NANOS_PER_MILLI = 1_000_000;
    private static final int NANOS_PER_MICRO = 1_000;
    /** {@code 2026-12-06}: what comes before the {@code T}. */
    private static final int DATE_LENGTH = 10;
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    private Instants() {}

    static SimpleModule module() {
        return new SimpleModule("gorch-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader(InstantDeserializer.INSTANT));
    }

    /** The fraction's digits {@code ISO_INSTANT} prints: none, or as many groups of three as the nanoseconds need. */
    static int fractionDigits(int nanos) {
        if (nanos == 0) {
            return 0;
        }
        return nanos % NANOS_PER_MILLI == 0 ? 3 : nanos % NANOS_PER_MICRO == 0 ? 6 : 9;
    }

    private static final class Writer extends StdSerializer<Instant> {
        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) throws JacksonException {
            long seconds = value.getEpochSecond();
            if (seconds < 0 || seconds >= YEAR_10000) {
                generator.writeString(value.toString()); // ISO_INSTANT itself, for what RFC 3339 cannot write
                return;
            }
            char[] text = new char[ITU.MAX_FORMAT_LENGTH];
            int length = ITU.formatUtc(OffsetDateTime.ofInstant(value, ZoneOffset.UTC), fractionDigits(value.getNano()), text, 0);
            generator.writeString(text, 0, length);
        }
    }

    private static final class Reader extends StdDeserializer<Instant> {
        private final ValueDeserializer<?> jackson;

        Reader(ValueDeserializer<?> jackson) {
            super(Instant.class);
            this.jackson = jackson;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new Reader(jackson.createContextual(context, property));
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getString();
                try {
                    // RFC 3339 also allows a space between date and time; Jackson does not, nor does this reader then.
                    if (text.length() > DATE_LENGTH && Character.toUpperCase(text.charAt(DATE_LENGTH)) == 'T') {
                        return ITU.parseDateTime(text).toInstant();
                    }
                } catch (DateTimeException notRfc3339) {
                    // Jackson's reader below accepts it or says why not.
                }
            }
            return (Instant) jackson.deserialize(parser, context);
        }
    }
}
