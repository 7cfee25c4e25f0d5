package org.gorchestrator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms, 250", "2s, 2000", "1.5, 1500", "0.25s, 250", "1m, 60000", "1h, 3600000", "1h30m, 5400000", "1m30.5s, 90500", "2h0m1ms, 7200001", "' 3 S ', 3000", "0, 0"})
    void parsesWhatPeopleWrite(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1s", "2 days", "1e3", "5x", "PT1S", "1s2", "ms", "1.s"})
    void rejectsAnythingElseSayingWhatWouldDo(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration")
                .hasMessageContaining("250ms");
    }

    @Test
    void clipsALongInputInTheMessage() {
        assertThatThrownBy(() -> Durations.parse("x".repeat(5000)))
                .hasMessageContaining("x".repeat(40) + "…")
                .hasMessageNotContaining("x".repeat(41));
    }

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }
}
