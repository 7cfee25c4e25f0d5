package org.gorchestrator.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SortableNumbersTest {

    @Test
    void numbersArePaddedToNineteenDigitsSoThatTheirTextSortsAsTheyDo() {
        assertThat(SortableNumbers.padded(0)).isEqualTo("0000000000000000000");
        assertThat(SortableNumbers.padded(42)).isEqualTo("0000000000000000042");
        assertThat(SortableNumbers.padded(Long.MAX_VALUE)).isEqualTo(Long.toString(Long.MAX_VALUE));
        List<Long> numbers = List.of(0L, 9L, 10L, 99L, 100L, 123_456_789L, Long.MAX_VALUE);
        assertThat(numbers.stream().map(SortableNumbers::padded).sorted().toList())
                .isEqualTo(numbers.stream().map(SortableNumbers::padded).toList());
        assertThat(Stream.of(0L, 7L, 1_000L, 987_654_321_012L)).allSatisfy(n ->
                assertThat(SortableNumbers.padded(n)).isEqualTo(String.format("%019d", n)));
    }

    @Test
    void aNegativeNumberHasNoSortableTextAndIsRefused() {
        assertThatThrownBy(() -> SortableNumbers.padded(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
