package org.gorchestrator.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Instants are written and read as plain Jackson writes and reads them, through another codec. */
class InstantsTest {
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    static Stream<Instant> instants() {
        SplittableRandom random = new SplittableRandom(7);
        Stream<Instant> edges = Stream.of(Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX,
                Instant.parse("2026-12-06T10:00:00Z"), Instant.parse("2026-12-06T10:00:00.100Z"),
                Instant.parse("2026-12-06T10:00:00.123400Z"), Instant.parse("2026-12-06T10:00:00.000000001Z"));
        Stream<Instant> clockLike = Stream.generate(() -> Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L),
                random.nextInt(4) * random.nextInt(1_000_000_000) / 1000 * 1000)).limit(200);
        Stream<Instant> anyNanos = Stream.generate(() -> Instant.ofEpochSecond(random.nextLong(0, 253_402_300_800L),
                random.nextInt(1_000_000_000))).limit(200);
        return Stream.of(edges, clockLike, anyNanos).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("instants")
    void anInstantIsWrittenAsJacksonWritesItAndReadBack(Instant instant) {
        String written = Json.writeString(instant);

        assertThat(written).isEqualTo(PLAIN.writeValueAsString(instant)).isEqualTo('"' + instant.toString() + '"');
        assertThat(Json.read(written, Instant.class)).isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-06T12:00:00+02:00\"", "\"2026-12-06T10:00:00.5Z\"", "\"2026-12-06T10:00:00+0200\"",
        "1765015200", "1765015200.250", "\"1765015200\"", "\"+10000-01-01T00:00:00Z\"", "\"2026-12-06t10:00:00z\"",
        "\"2026-12-06 10:00:00Z\"", "\"2016-12-31T23:59:60Z\"", "\"2026-12-06T10:00Z\"", "\"2026-12-06\"", "\"yesterday\"",
        "\"2026-13-06T10:00:00Z\"", "\"\"", "true", "{}", "null"})
    void whatJacksonReadsIsReadToTheSameInstantAndWhatItRefusesIsRefusedWithItsMessage(String json) {
        assertThat(outcome(() -> Json.read(json, Instant.class))).isEqualTo(outcome(() -> PLAIN.readValue(json, Instant.class)));
    }

    /** The instant read, or the class and message of the refusal. */
    private static String outcome(Supplier<Instant> read) {
        try {
            return String.valueOf(read.get());
        } catch (JacksonException e) {
            return e.getClass().getSimpleName() + ": " + e.getOriginalMessage();
        }
    }

    @Test
    void theFractionHasTheDigitsIsoInstantGivesIt() {
        assertThat(Instants.fractionDigits(0)).isZero();
        assertThat(Instants.fractionDigits(250_000_000)).isEqualTo(3);
        assertThat(Instants.fractionDigits(250_001_000)).isEqualTo(6);
        assertThat(Instants.fractionDigits(250_000_001)).isEqualTo(9);
    }
}
