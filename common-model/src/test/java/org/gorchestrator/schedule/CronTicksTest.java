package org.gorchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronTicksTest {
    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void fiveFieldsAreUnixAndSixAreQuartzWithSecondsOnWholeSeconds() {
        assertThat(CronTicks.of("*/15 * * * *", "UTC").next(at("2026-01-01T10:07:30Z"), 2))
                .containsExactly(at("2026-01-01T10:15:00Z"), at("2026-01-01T10:30:00Z"));
        assertThat(CronTicks.of("* * * * * ?", "UTC").next(at("2026-01-01T10:00:00.500Z"), 2))
                .containsExactly(at("2026-01-01T10:00:01Z"), at("2026-01-01T10:00:02Z"));
    }

    @Test
    void springForwardInParisSkipsTheMissingTimeAndKeepsEveryRealHour() {
        assertThat(CronTicks.of("30 2 * * *", "Europe/Paris").next(at("2026-03-27T12:00:00Z"), 3))
                .as("02:30 does not exist on 29 March: no run that day")
                .containsExactly(at("2026-03-28T01:30:00Z"), at("2026-03-30T00:30:00Z"), at("2026-03-31T00:30:00Z"));
        assertThat(CronTicks.of("0 * * * *", "Europe/Paris").next(at("2026-03-28T23:30:00Z"), 3))
                .containsExactly(at("2026-03-29T00:00:00Z"), at("2026-03-29T01:00:00Z"), at("2026-03-29T02:00:00Z"));
    }

    @Test
    void fallBackInParisFiresTheRepeatedTimeOnceFromWhereverItStarts() {
        CronTicks daily = CronTicks.of("30 2 * * *", "Europe/Paris");
        assertThat(daily.next(at("2026-10-23T12:00:00Z"), 3))
                .containsExactly(at("2026-10-24T00:30:00Z"), at("2026-10-25T00:30:00Z"), at("2026-10-26T01:30:00Z"));
        assertThat(daily.next(at("2026-10-25T00:40:00Z"))).as("from inside the repeated hour").contains(at("2026-10-26T01:30:00Z"));
        assertThat(CronTicks.of("0 * * * *", "Europe/Paris").next(at("2026-10-24T23:30:00Z"), 3))
                .as("02:00 CET repeats 02:00 CEST").containsExactly(at("2026-10-25T00:00:00Z"), at("2026-10-25T02:00:00Z"), at("2026-10-25T03:00:00Z"));
        assertThat(CronTicks.of("* * * * * ?", "Europe/Paris").next(at("2026-10-25T00:59:59Z"), 2))
                .as("every second: the repeated hour is jumped at once").containsExactly(at("2026-10-25T02:00:00Z"), at("2026-10-25T02:00:01Z"));
    }

    @Test
    void badExpressionsAndZonesSayWhatIsWrong() {
        assertThatThrownBy(() -> CronTicks.of("* * *", "UTC")).hasMessageContaining("has 3 fields");
        assertThatThrownBy(() -> CronTicks.of("61 * * * *", "UTC")).hasMessageContaining("not a valid cron expression");
        assertThatThrownBy(() -> CronTicks.of("* * * * *", "Mars/Olympus")).hasMessageContaining("not a time zone");
    }
}
