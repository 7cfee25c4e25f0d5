package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SortableNumbersTest {

    @Test
    void numbersArePaddedToTheirWidthSoThatTheirTextSortsAsTheyDo() {
        assertThat(SortableNumbers.padded(0, SortableNumbers.LONG_DIGITS)).isEqualTo("0000000000000000000");
        assertThat(SortableNumbers.padded(42, SortableNumbers.LONG_DIGITS)).isEqualTo("0000000000000000042");
        assertThat(SortableNumbers.padded(Long.MAX_VALUE, SortableNumbers.LONG_DIGITS)).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThat(SortableNumbers.padded(7, 4)).isEqualTo("0007");
        List<Long> numbers = List.of(0L, 9L, 10L, 99L, 100L, 123_456_789L, Long.MAX_VALUE);
        assertThat(numbers.stream().map(n -> SortableNumbers.padded(n, SortableNumbers.LONG_DIGITS)).sorted().toList())
                .isEqualTo(numbers.stream().map(n -> SortableNumbers.padded(n, SortableNumbers.LONG_DIGITS)).toList());
        assertThat(Stream.of(0L, 7L, 1_000L, 987_654_321_012L)).allSatisfy(n ->
                assertThat(SortableNumbers.padded(n, SortableNumbers.LONG_DIGITS)).isEqualTo(String.format("%019d", n)));
    }

    @Test
    void aNumberThatWouldNotSortIsRefused() {
        assertThatThrownBy(() -> SortableNumbers.padded(-1, 4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> SortableNumbers.padded(10_000, 4)).hasMessageContaining("does not fit 4 digits");
    }
}
