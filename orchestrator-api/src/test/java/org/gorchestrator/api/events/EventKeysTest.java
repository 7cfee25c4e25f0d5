package org.gorchestrator.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventKeysTest {

    @Test
    void offsetsArePaddedToNineteenDigitsSoThatKeysSortAsOffsetsDo() {
        assertThat(EventKeys.of("w", 0)).isEqualTo("w/0000000000000000000");
        assertThat(EventKeys.of("w", 42)).isEqualTo("w/0000000000000000042");
        assertThat(EventKeys.of("w", Long.MAX_VALUE)).isEqualTo("w/" + Long.MAX_VALUE);
        List<Long> offsets = List.of(0L, 9L, 10L, 99L, 100L, 123_456_789L, Long.MAX_VALUE);
        assertThat(offsets.stream().map(o -> EventKeys.of("w", o)).sorted().toList())
                .isEqualTo(offsets.stream().map(o -> EventKeys.of("w", o)).toList());
        assertThat(Stream.of(0L, 7L, 1_000L, 987_654_321_012L)).allSatisfy(o ->
                assertThat(EventKeys.of("wf", o)).isEqualTo("wf/" + String.format("%019d", o)));
    }
}
